//! The parts of an HTTP/1.1 request head every builder shares. Header values are validated by
//! the builders before they get here, so no CR or LF can reach a header line.

use crate::Error;
use crate::mqtt::region::Region;
use crate::sink::Sink;

/// The public HTTPS endpoint (cn-shanghai), `Host` of auth and publish.
pub const HTTP_HOST: &[u8] = b"iot-as-http.cn-shanghai.aliyuncs.com";

/// `POST <path...> HTTP/1.1\r\n`.
pub fn request_line<S: Sink + ?Sized>(s: &mut S, path: &[&[u8]]) -> Result<(), Error> {
    s.put(b"POST ")?;
    path.iter().try_for_each(|p| s.put(p))?;
    s.put(b" HTTP/1.1\r\n")
}

/// `<name>: <value>\r\n` (the name passed with its `: ` or, for `password:`, without space).
pub fn header<S: Sink + ?Sized>(s: &mut S, name: &[u8], value: &[u8]) -> Result<(), Error> {
    s.put(name)?;
    s.put(value)?;
    s.put(b"\r\n")
}

/// `Content-Length: <n>\r\n\r\n`, the end of the head.
pub fn content_length_and_end<S: Sink + ?Sized>(s: &mut S, n: usize) -> Result<(), Error> {
    let n = i32::try_from(n).map_err(|_| Error::Overflow)?;
    s.put(b"Content-Length: ")?;
    s.put_decimal(n)?;
    s.put(b"\r\n\r\n")
}

/// The region id in host names (`cn-shanghai`, ...).
pub fn region_id(r: Region) -> &'static [u8] {
    match r {
        Region::Shanghai => b"cn-shanghai",
        Region::Singapore => b"ap-southeast-1",
        Region::Japan => b"ap-northeast-1",
        Region::UsaWest => b"us-west-1",
        Region::Germany => b"eu-central-1",
    }
}

/// Where a request goes: a public region or a host used verbatim (instance endpoints).
#[derive(Clone, Copy, Debug)]
pub enum Endpoint<'a> {
    /// A public region.
    Region(Region),
    /// A caller-given host (validated).
    Host(&'a [u8]),
}
