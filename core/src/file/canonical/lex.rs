//! The canonical reader's lexing: white space, punctuation, identifiers,
//! strings and their escapes, numbers, money, and the shapes every struct, option
//! and list share. Each gives `None` on anything the writer would not have written.

use super::{Maybe, Reader};
use crate::money::Money;

// `#[inline]` throughout: these run per byte and the plan's readers in the parent
// module call them; without it they may land in another codegen unit than their
// callers and stop being inlined (parsing a 10,000-project plan took 35 ms instead of 18).
impl<'a> Reader<'a> {
    #[inline]
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// White space as `ron` reads it, restricted to ASCII (ron also skips some
    /// Unicode spaces and comments; those files take the slow path).
    #[inline]
    pub(super) fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Skips white space and takes `c` if it comes next.
    #[inline]
    pub(super) fn eat(&mut self, c: u8) -> bool {
        self.skip_ws();
        let next = self.peek() == Some(c);
        if next {
            self.at += 1;
        }
        next
    }

    #[inline]
    pub(super) fn expect(&mut self, c: u8) -> Maybe<()> {
        self.eat(c).then_some(())
    }

    #[inline]
    pub(super) fn is_ident_byte(c: u8) -> bool {
        c.is_ascii_alphanumeric() || c == b'_'
    }

    #[inline]
    pub(super) fn ident(&mut self) -> Maybe<&'a str> {
        self.skip_ws();
        let start = self.at;
        if !self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            return None;
        }
        while self.peek().is_some_and(Self::is_ident_byte) {
            self.at += 1;
        }
        self.text.get(start..self.at)
    }

    /// After white space, where the key `name` ends if it is the next key; the key
    /// must be exactly `name` (`names:` is another field). Moves past the white space only.
    #[inline]
    fn key_end(&mut self, name: &str) -> Option<usize> {
        self.skip_ws();
        let end = self.at + name.len();
        let exact = self.bytes.get(self.at..end) == Some(name.as_bytes())
            && !self.bytes.get(end).is_some_and(|c| Self::is_ident_byte(*c));
        exact.then_some(end)
    }

    /// `name: value` then a comma, or nothing before the closing `)`.
    #[inline]
    pub(super) fn field<T>(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Self) -> Maybe<T>,
    ) -> Maybe<T> {
        let end = self.key_end(name)?;
        self.value_after_key(end, value)
    }

    /// A field the writer leaves out when it has its default: `name: value`
    /// if the next key is `name`, else the default and nothing is read.
    #[inline]
    pub(super) fn field_or_default<T: Default>(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Self) -> Maybe<T>,
    ) -> Maybe<T> {
        match self.key_end(name) {
            Some(end) => self.value_after_key(end, value),
            None => Some(T::default()),
        }
    }

    /// The rest of a field whose key ends at `end`: `: value` and the comma.
    #[inline]
    fn value_after_key<T>(
        &mut self,
        end: usize,
        value: impl FnOnce(&mut Self) -> Maybe<T>,
    ) -> Maybe<T> {
        self.at = end;
        self.expect(b':')?;
        let v = value(self)?;
        if !self.eat(b',') {
            self.skip_ws();
            if self.peek() != Some(b')') {
                return None;
            }
        }
        Some(v)
    }

    /// An anonymous struct: `(`, its fields, `)`.
    #[inline]
    pub(super) fn group<T>(&mut self, fields: impl FnOnce(&mut Self) -> Maybe<T>) -> Maybe<T> {
        self.expect(b'(')?;
        let v = fields(self)?;
        self.expect(b')')?;
        Some(v)
    }

    /// Length of the run before the next `"` or `\`, and which of the two ends it.
    #[inline]
    pub(super) fn run(&self) -> Maybe<(usize, u8)> {
        let rest = self.bytes.get(self.at..)?;
        let n = rest.iter().position(|&c| c == b'"' || c == b'\\')?;
        Some((n, *rest.get(n)?))
    }

    #[inline]
    pub(super) fn string(&mut self) -> Maybe<String> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            let (n, stop) = self.run()?;
            out.push_str(self.text.get(self.at..self.at + n)?);
            self.at += n + 1;
            if stop == b'"' {
                return Some(out);
            }
            out.push(self.escape()?);
        }
    }

    /// The escapes `str::escape_debug` writes, as `ron` reads them.
    #[inline]
    pub(super) fn escape(&mut self) -> Maybe<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'\'' => '\'',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                if self.peek() != Some(b'{') {
                    return None;
                }
                let start = self.at + 1;
                let len = self.bytes.get(start..)?.iter().position(|&c| c == b'}')?;
                if !(1..=6).contains(&len) {
                    return None;
                }
                let hex = self.text.get(start..start + len)?;
                // from_str_radix also takes a sign (`\u{+41}`); ron does not.
                if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                    return None;
                }
                self.at = start + len + 1;
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        })
    }

    /// An amount: a quoted string without escapes, read in place.
    #[inline]
    pub(super) fn money(&mut self) -> Maybe<Money> {
        self.expect(b'"')?;
        let (n, stop) = self.run()?;
        if stop != b'"' {
            return None;
        }
        let s = self.text.get(self.at..self.at + n)?;
        self.at += n + 1;
        Money::from_yuan_str(s).ok()
    }

    /// A plain decimal integer up to `max`; `0x…`, `1_000`, `+1`, leading
    /// zeros and the like are left to `ron`.
    #[inline]
    pub(super) fn uint(&mut self, max: u32) -> Maybe<u32> {
        self.skip_ws();
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits = self.text.get(start..self.at)?;
        let canonical = !digits.is_empty() && (digits == "0" || !digits.starts_with('0'));
        let followed = self
            .peek()
            .is_some_and(|c| Self::is_ident_byte(c) || c == b'.');
        if !canonical || followed || digits.len() > 10 {
            return None;
        }
        digits.parse::<u32>().ok().filter(|v| *v <= max)
    }

    #[inline]
    pub(super) fn variant<T: Copy + 'static>(
        &mut self,
        all: &[T],
        ident: fn(T) -> &'static str,
    ) -> Maybe<T> {
        let name = self.ident()?;
        all.iter().copied().find(|v| ident(*v) == name)
    }

    #[inline]
    pub(super) fn option<T>(
        &mut self,
        some: impl FnOnce(&mut Self) -> Maybe<T>,
    ) -> Maybe<Option<T>> {
        match self.ident()? {
            "None" => Some(None),
            "Some" => {
                self.expect(b'(')?;
                let v = some(self)?;
                self.expect(b')')?;
                Some(Some(v))
            }
            _ => None,
        }
    }

    #[inline]
    pub(super) fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Maybe<T>) -> Maybe<Vec<T>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        loop {
            if self.eat(b']') {
                return Some(items);
            }
            items.push(item(self)?);
            if !self.eat(b',') {
                self.expect(b']')?;
                return Some(items);
            }
        }
    }
}
