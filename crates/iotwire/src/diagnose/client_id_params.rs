//! The MQTT client id the platform reads: `<clientId>|<key>=<value>,...|`. Splits it into the
//! id and its parameters, and names the byte where the syntax breaks.

use crate::diagnose::malformed::Malformed;

/// A client id split at its `|`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientId<'a> {
    /// The id before the first `|` (may be empty).
    pub id: &'a [u8],
    /// The parameter list between the two `|`.
    pub params: &'a [u8],
    /// Offset of `params` in the client id.
    pub params_at: usize,
}

/// One `key=value` parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param<'a> {
    /// Text before the first `=`.
    pub key: &'a [u8],
    /// Text after it (may contain further `=`).
    pub value: &'a [u8],
    /// Offset of the item in the client id.
    pub at: usize,
}

/// Splits `client_id`; offsets in the error are offsets in `client_id`.
pub fn split(client_id: &[u8]) -> Result<ClientId<'_>, Malformed> {
    let Some(first) = client_id.iter().position(|&c| c == b'|') else {
        return Err(Malformed::at(
            client_id.len(),
            "no '|': the |key=value,...| parameter list (securemode, signmethod) is missing",
        ));
    };
    let last = client_id.len().saturating_sub(1);
    if last == first || client_id.last() != Some(&b'|') {
        return Err(Malformed::at(
            first,
            "the parameter list opened by this '|' is not closed by a '|' at the end",
        ));
    }
    let params_at = first.saturating_add(1);
    let params = client_id.get(params_at..last).unwrap_or(&[]);
    if let Some(extra) = params.iter().position(|&c| c == b'|') {
        return Err(Malformed::at(
            params_at.saturating_add(extra),
            "a '|' inside the parameter list",
        ));
    }
    Ok(ClientId {
        id: client_id.get(..first).unwrap_or(&[]),
        params,
        params_at,
    })
}

impl<'a> ClientId<'a> {
    /// The parameters in order; an empty list has none.
    pub fn params(&self) -> Params<'a> {
        Params {
            rest: self.params,
            at: self.params_at,
            done: self.params.is_empty(),
        }
    }

    /// The value of `key`: `Ok(None)` when absent, an error when the list is malformed or
    /// names `key` twice (the second occurrence).
    pub fn get(&self, key: &[u8]) -> Result<Option<Param<'a>>, Malformed> {
        let mut found: Option<Param<'a>> = None;
        for p in self.params() {
            let p = p?;
            if p.key == key {
                if found.is_some() {
                    return Err(Malformed::at(p.at, "a parameter given twice"));
                }
                found = Some(p);
            }
        }
        Ok(found)
    }

    /// The first syntax error of the parameter list or a key given twice, if any.
    pub fn check(&self) -> Result<(), Malformed> {
        for (i, p) in self.params().enumerate() {
            let p = p?;
            for q in self.params().take(i) {
                if q.is_ok_and(|q| q.key == p.key) {
                    return Err(Malformed::at(p.at, "a parameter given twice"));
                }
            }
        }
        Ok(())
    }
}

/// Iterator over the `key=value` items; yields one error and stops on a malformed item.
#[derive(Clone, Debug)]
pub struct Params<'a> {
    rest: &'a [u8],
    at: usize,
    done: bool,
}

impl<'a> Iterator for Params<'a> {
    type Item = Result<Param<'a>, Malformed>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let end = self
            .rest
            .iter()
            .position(|&c| c == b',')
            .unwrap_or(self.rest.len());
        let (item, tail) = self.rest.split_at_checked(end).unwrap_or((self.rest, &[]));
        let at = self.at;
        match tail.split_first() {
            Some((_, after)) => {
                self.rest = after;
                self.at = at.saturating_add(end).saturating_add(1);
            }
            None => self.done = true,
        }
        if item.is_empty() {
            self.done = true;
            return Some(Err(Malformed::at(
                at,
                "an empty parameter (',' at the start or end, or ',,')",
            )));
        }
        let Some(eq) = item.iter().position(|&c| c == b'=') else {
            self.done = true;
            return Some(Err(Malformed::at(at, "a parameter without '='")));
        };
        if eq == 0 {
            self.done = true;
            return Some(Err(Malformed::at(
                at,
                "a parameter without a name before '='",
            )));
        }
        let (key, value) = item.split_at_checked(eq).unwrap_or((item, &[]));
        Some(Ok(Param {
            key,
            value: value.get(1..).unwrap_or(&[]),
            at,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_legacy_client_id() {
        let cid = b"pk.dn|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=3|";
        let c = split(cid).unwrap();
        assert_eq!(c.id, b"pk.dn");
        let items: std::vec::Vec<_> = c.params().map(|p| p.unwrap()).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].key, b"_v");
        assert_eq!(items[1].value, b"sdk-c-3.2.0");
        assert_eq!(&cid[items[2].at..items[2].at + 10], b"securemode");
        assert_eq!(c.get(b"securemode").unwrap().unwrap().value, b"3");
        assert_eq!(c.get(b"signmethod").unwrap(), None);
        assert!(c.check().is_ok());
    }

    #[test]
    fn names_the_byte() {
        assert_eq!(split(b"abc").unwrap_err().at, 3);
        assert_eq!(split(b"abc|x=1").unwrap_err().at, 3);
        assert_eq!(split(b"abc|").unwrap_err().at, 3);
        assert_eq!(split(b"a|x=1|y|").unwrap_err().at, 5);
        let c = split(b"a|x=1,,y=2|").unwrap();
        assert_eq!(c.check().unwrap_err().at, 6);
        let c = split(b"a|x=1,y|").unwrap();
        assert_eq!(c.check().unwrap_err().at, 6);
        let c = split(b"a|x=1,=2|").unwrap();
        assert_eq!(c.check().unwrap_err().at, 6);
        let c = split(b"a|x=1,x=2|").unwrap();
        assert_eq!(c.check().unwrap_err().at, 6);
        assert_eq!(c.get(b"x").unwrap_err().at, 6);
        let c = split(b"||").unwrap();
        assert_eq!(c.params().count(), 0);
        assert_eq!(
            split(b"a|k=v=w|")
                .unwrap()
                .get(b"k")
                .unwrap()
                .unwrap()
                .value,
            b"v=w"
        );
    }
}
