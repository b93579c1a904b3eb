//! Reads an HTTP/1.1 request as a device sends it to the platform (RFC 9112): request line,
//! header lines, and a body of exactly `Content-Length` bytes. Strict on purpose: lines end
//! with CRLF, names are tokens, and every refusal names the byte. Nothing is copied: the
//! request and its headers borrow the input.

use crate::diagnose::malformed::Malformed;

/// A request whose framing is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    /// Method token (`POST`).
    pub method: &'a [u8],
    /// Request target (`/auth`, `/topic/...`).
    pub target: &'a [u8],
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: &'a [u8],
    /// The header lines, CRLF included, without the empty line.
    headers: &'a [u8],
    /// Offset of the first header line.
    headers_at: usize,
    /// The body (`Content-Length` bytes; empty without the header).
    pub body: &'a [u8],
    /// Offset of the body.
    pub body_at: usize,
    /// The `Content-Length` value, if the header is present.
    pub content_length: Option<u32>,
}

/// One header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// Field name as sent.
    pub name: &'a [u8],
    /// Field value without the surrounding whitespace.
    pub value: &'a [u8],
    /// Offset of the line.
    pub at: usize,
}

/// `tchar` of RFC 9110 5.6.2.
fn is_tchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

/// The line that starts at `at`: its bytes before CRLF, and the offset after CRLF.
fn line<'a>(
    input: &'a [u8],
    at: usize,
    what: &'static str,
) -> Result<(&'a [u8], usize), Malformed> {
    let rest = input.get(at..).unwrap_or(&[]);
    let Some(lf) = rest.iter().position(|&c| c == b'\n') else {
        return Err(Malformed::at(input.len(), what));
    };
    let line_end = at.saturating_add(lf);
    if lf == 0 || rest.get(lf.saturating_sub(1)) != Some(&b'\r') {
        return Err(Malformed::at(
            line_end,
            "a line ends with LF without CR (HTTP needs CRLF)",
        ));
    }
    let text = rest.get(..lf.saturating_sub(1)).unwrap_or(&[]);
    if let Some(cr) = text.iter().position(|&c| c == b'\r') {
        return Err(Malformed::at(at.saturating_add(cr), "a CR inside a line"));
    }
    Ok((text, line_end.saturating_add(1)))
}

/// Parses `input` as one request.
pub fn parse(input: &[u8]) -> Result<Request<'_>, Malformed> {
    let (request_line, mut at) = line(input, 0, "the input ends inside the request line")?;
    let (method, target, version) = request_line_parts(request_line)?;
    let headers_at = at;
    let mut content_length: Option<u32> = None;
    loop {
        let (text, next) = line(
            input,
            at,
            "the input ends before the empty line that ends the head",
        )?;
        if text.is_empty() {
            break;
        }
        let h = header_of(text, at)?;
        if h.name.eq_ignore_ascii_case(b"content-length") {
            if content_length.is_some() {
                return Err(Malformed::at(at, "Content-Length given twice"));
            }
            content_length = Some(decimal(h.value).ok_or(Malformed::at(
                at,
                "Content-Length is not a decimal number (or above 4294967295)",
            ))?);
        }
        at = next;
    }
    let headers = input.get(headers_at..at).unwrap_or(&[]);
    let body_at = at.saturating_add(2);
    let body_len = content_length.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let body_end = body_at.saturating_add(body_len);
    if input.len() < body_end {
        return Err(Malformed::truncated(
            input.len(),
            "the body is shorter than Content-Length",
            body_end,
        ));
    }
    if input.len() > body_end {
        return Err(Malformed::at(
            body_end,
            if content_length.is_some() {
                "bytes after the Content-Length body"
            } else {
                "bytes after the head, which has no Content-Length"
            },
        ));
    }
    Ok(Request {
        method,
        target,
        version,
        headers,
        headers_at,
        body: input.get(body_at..body_end).unwrap_or(&[]),
        body_at,
        content_length,
    })
}

/// Method, target and version of a request line.
type RequestLine<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// `method SP target SP version` (RFC 9112 3).
fn request_line_parts(text: &[u8]) -> Result<RequestLine<'_>, Malformed> {
    let method_len = text
        .iter()
        .position(|&c| !is_tchar(c))
        .unwrap_or(text.len());
    if method_len == 0 {
        return Err(Malformed::at(
            0,
            "the request line does not start with a method",
        ));
    }
    if text.get(method_len) != Some(&b' ') {
        return Err(Malformed::at(
            method_len,
            "no single space after the method",
        ));
    }
    let target_at = method_len.saturating_add(1);
    let rest = text.get(target_at..).unwrap_or(&[]);
    let target_len = rest.iter().position(|&c| c == b' ').unwrap_or(rest.len());
    let target = rest.get(..target_len).unwrap_or(&[]);
    if target.is_empty() {
        return Err(Malformed::at(
            target_at,
            "no request target after the method",
        ));
    }
    if let Some(bad) = target.iter().position(|&c| !c.is_ascii_graphic()) {
        return Err(Malformed::at(
            target_at.saturating_add(bad),
            "a byte that is not visible ASCII in the request target",
        ));
    }
    let version_at = target_at.saturating_add(target_len).saturating_add(1);
    let version = text.get(version_at..).unwrap_or(&[]);
    if version != b"HTTP/1.1" && version != b"HTTP/1.0" {
        return Err(Malformed::at(
            version_at.min(text.len()),
            "the request line does not end with ' HTTP/1.1' (or 1.0)",
        ));
    }
    Ok((text.get(..method_len).unwrap_or(&[]), target, version))
}

/// `name ":" OWS value OWS` (RFC 9112 5); `at` is the line's offset.
fn header_of(text: &[u8], at: usize) -> Result<Header<'_>, Malformed> {
    let name_len = text
        .iter()
        .position(|&c| !is_tchar(c))
        .unwrap_or(text.len());
    if name_len == 0 {
        return Err(Malformed::at(
            at,
            "a header line that does not start with a field name",
        ));
    }
    if text.get(name_len) != Some(&b':') {
        return Err(Malformed::at(
            at.saturating_add(name_len),
            "no ':' right after the header name",
        ));
    }
    let raw = text.get(name_len.saturating_add(1)..).unwrap_or(&[]);
    if let Some(bad) = raw
        .iter()
        .position(|&c| (c < 0x20 && c != b'\t') || c == 0x7f)
    {
        return Err(Malformed::at(
            at.saturating_add(name_len)
                .saturating_add(1)
                .saturating_add(bad),
            "a control byte in a header value",
        ));
    }
    let ws = |c: &u8| *c == b' ' || *c == b'\t';
    let start = raw.iter().position(|c| !ws(c)).unwrap_or(raw.len());
    let end = raw
        .iter()
        .rposition(|c| !ws(c))
        .map_or(start, |p| p.saturating_add(1));
    Ok(Header {
        name: text.get(..name_len).unwrap_or(&[]),
        value: raw.get(start..end).unwrap_or(&[]),
        at,
    })
}

/// 1..=10 digits that fit `u32`.
fn decimal(text: &[u8]) -> Option<u32> {
    if text.is_empty() || text.len() > 10 {
        return None;
    }
    text.iter().try_fold(0u32, |acc, &c| {
        let digit = char::from(c).to_digit(10)?;
        acc.checked_mul(10)?.checked_add(digit)
    })
}

impl<'a> Request<'a> {
    /// The header lines in order (they were validated by [`parse`]).
    pub fn headers(&self) -> impl Iterator<Item = Header<'a>> + 'a {
        let all = self.headers;
        let base = self.headers_at;
        let mut at = 0usize;
        core::iter::from_fn(move || {
            let (text, next) = line(all, at, "").ok()?;
            let h = header_of(text, base.saturating_add(at)).ok()?;
            at = next;
            Some(h)
        })
    }

    /// The value of the first header called `name` (ASCII case ignored).
    pub fn header(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.headers()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUTH: &[u8] = b"POST /auth HTTP/1.1\r\nHost: iot-as-http.cn-shanghai.aliyuncs.com\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

    #[test]
    fn reads_a_request() {
        let r = parse(AUTH).unwrap();
        assert_eq!(
            (r.method, r.target, r.version),
            (&b"POST"[..], &b"/auth"[..], &b"HTTP/1.1"[..])
        );
        let names: std::vec::Vec<_> = r.headers().map(|h| h.name).collect();
        assert_eq!(names, [&b"Host"[..], b"Content-Type", b"Content-Length"]);
        assert_eq!(r.header(b"content-type"), Some(&b"application/json"[..]));
        assert_eq!(r.body, b"{}");
        assert_eq!(r.content_length, Some(2));
        let p = b"POST /topic/a HTTP/1.1\r\npassword:tok\r\nContent-Length: 0\r\n\r\n";
        assert_eq!(parse(p).unwrap().header(b"password"), Some(&b"tok"[..]));
    }

    #[test]
    fn names_the_byte() {
        let at = |b: &[u8]| parse(b).unwrap_err().at;
        assert_eq!(at(&AUTH[..AUTH.len() - 1]), AUTH.len() - 1);
        assert_eq!(
            parse(&AUTH[..AUTH.len() - 1]).unwrap_err().need,
            Some(AUTH.len())
        );
        let mut longer = AUTH.to_vec();
        longer.push(b'x');
        assert_eq!(at(&longer), AUTH.len());
        assert_eq!(at(b"POST /auth HTTP/1.1\nHost: x\r\n\r\n"), 19);
        assert_eq!(at(b"POST  /auth HTTP/1.1\r\n\r\n"), 5);
        assert_eq!(at(b"POST /auth HTTP/2\r\n\r\n"), 11);
        assert_eq!(at(b"POST /auth HTTP/1.1\r\nHost x\r\n\r\n"), 25);
        assert_eq!(at(b"POST /auth HTTP/1.1\r\nContent-Length: x\r\n\r\n"), 21);
        assert_eq!(
            at(b"POST /auth HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx"),
            40
        );
        assert_eq!(at(b"POST /auth HTTP/1.1\r\nHost: a\r\n"), 30);
        assert_eq!(at(b" POST /auth HTTP/1.1\r\n\r\n"), 0);
    }
}
