//! The RON writer: the three layouts (pretty, inline past the depth limit,
//! compact), strings escaped as `ron` escapes them, and the field-by-field
//! struct builder the plan's writers and the seal digests share.
//!
//! The plan is written through these small functions hundreds of thousands of
//! times per save; the non-generic ones are `#[inline]` so they are inlined
//! into the writers in the parent module as they were in one file.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::money::Money;

/// Structs nested deeper than this are written on one line in pretty mode
/// (`(line: "C01", amount: "…")`), as `PrettyConfig::depth_limit(4)` does.
pub(super) const DEPTH_LIMIT: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One item per line, indented.
    Pretty,
    /// Pretty output beyond the depth limit: `a: 1, b: 2` on one line.
    Inline,
    /// `ron::to_string`: `a:1,b:2`.
    Compact,
}

/// RON text being written.
pub(crate) struct Writer {
    s: String,
    compact: bool,
}

impl Writer {
    /// A writer of compact RON (`ron::to_string`'s layout), `capacity` bytes reserved.
    pub(crate) fn compact(capacity: usize) -> Writer {
        Writer {
            s: String::with_capacity(capacity),
            compact: true,
        }
    }

    /// A writer of pretty RON (the saved file's layout), `capacity` bytes reserved.
    pub(super) fn pretty(capacity: usize) -> Writer {
        Writer {
            s: String::with_capacity(capacity),
            compact: false,
        }
    }

    /// The text written.
    pub(crate) fn finish(self) -> String {
        self.s
    }

    #[inline]
    fn layout(&self, depth: usize) -> Layout {
        if self.compact {
            Layout::Compact
        } else if depth > DEPTH_LIMIT {
            Layout::Inline
        } else {
            Layout::Pretty
        }
    }

    #[inline]
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.s.push_str("    ");
        }
    }

    /// Starts the `index`-th item (field or element) of a container at `depth`.
    #[inline]
    fn item(&mut self, depth: usize, index: usize) {
        match self.layout(depth) {
            Layout::Pretty => {
                if index == 0 {
                    self.s.push('\n');
                }
                self.indent(depth);
            }
            Layout::Inline if index > 0 => self.s.push_str(", "),
            Layout::Compact if index > 0 => self.s.push(','),
            _ => {}
        }
    }

    /// Ends an item: a comma and newline in pretty layout.
    #[inline]
    fn item_end(&mut self, depth: usize) {
        if self.layout(depth) == Layout::Pretty {
            self.s.push_str(",\n");
        }
    }

    #[inline]
    fn close(&mut self, depth: usize, close: char, items: usize) {
        if self.layout(depth) == Layout::Pretty && items > 0 {
            self.indent(depth - 1);
        }
        self.s.push(close);
    }

    /// Writes `name: ` (or `name:` compact) as the `index`-th field at `depth`.
    #[inline]
    fn key(&mut self, depth: usize, index: usize, name: &str) {
        self.item(depth, index);
        self.s.push_str(name);
        self.s.push(':');
        if !self.compact {
            self.s.push(' ');
        }
    }

    #[inline]
    fn str(&mut self, v: &str) {
        self.s.push('"');
        for c in v.chars() {
            // escape_debug is what ron uses; printable ASCII other than quotes and
            // backslash is its own escape, so skip the iterator for it.
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '\'') || c == ' ' || plain_bmp(c) {
                self.s.push(c);
            } else {
                self.s.extend(c.escape_debug());
            }
        }
        self.s.push('"');
    }

    #[inline]
    fn money(&mut self, m: Money) {
        self.s.push('"');
        self.s.push_str(&m.to_file_string());
        self.s.push('"');
    }

    #[inline]
    fn num(&mut self, n: u64) {
        // Writing into a `String` cannot fail: `fmt::Write for String` always returns `Ok`.
        write!(self.s, "{n}").ok();
    }

    /// A struct at `depth` whose fields `body` writes (returning their count).
    #[inline]
    fn strukt(&mut self, depth: usize, body: impl FnOnce(&mut Writer, usize) -> usize) {
        self.s.push('(');
        let n = body(self, depth);
        self.close(depth, ')', n);
    }

    /// A sequence at `depth` of `items`, each written by `each` at `depth + 1`.
    pub(crate) fn seq<T>(
        &mut self,
        depth: usize,
        items: &[T],
        mut each: impl FnMut(&mut Writer, &T, usize),
    ) {
        self.s.push('[');
        for (i, item) in items.iter().enumerate() {
            self.item(depth, i);
            each(self, item, depth + 1);
            self.item_end(depth);
        }
        self.close(depth, ']', items.len());
    }

    /// `None`, or `Some(..)` around what `some` writes.
    pub(crate) fn option<T>(
        &mut self,
        v: Option<&T>,
        depth: usize,
        some: impl FnOnce(&mut Writer, &T, usize),
    ) {
        match v {
            None => self.s.push_str("None"),
            Some(v) => {
                self.s.push_str("Some(");
                some(self, v, depth);
                self.s.push(')');
            }
        }
    }
}

/// Whether `escape_debug` leaves a non-ASCII BMP char as it is. Asking it per
/// char is slow (Unicode table searches) and plans are mostly Chinese, so the
/// answer is cached per 256-char page, computed on first use.
#[inline]
fn plain_bmp(c: char) -> bool {
    static PAGES: [OnceLock<[u64; 4]>; 256] = [const { OnceLock::new() }; 256];
    let cp = c as u32;
    if !(0x80..0x1_0000).contains(&cp) {
        return false;
    }
    // Below 0x1_0000, the page number is below 256: `get` always finds it.
    let Some(page) = PAGES.get((cp >> 8) as usize) else {
        return false;
    };
    let page = page.get_or_init(|| {
        let mut bits = [0u64; 4];
        for (word, bits) in (0u32..).zip(bits.iter_mut()) {
            for bit in 0..64 {
                if let Some(ch) = char::from_u32((cp & !0xFF) | (word * 64 + bit))
                    && ch.escape_debug().len() == 1
                {
                    *bits |= 1 << bit;
                }
            }
        }
        bits
    });
    let low = cp & 0xFF;
    page.get((low / 64) as usize)
        .is_some_and(|bits| bits & (1 << (low % 64)) != 0)
}

/// Fields of a struct, written in order with their separators.
pub(crate) struct Fields<'w> {
    w: &'w mut Writer,
    depth: usize,
    n: usize,
}

impl Fields<'_> {
    /// A field whose value `value` writes.
    pub(crate) fn field(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Writer, usize),
    ) -> &mut Self {
        self.w.key(self.depth, self.n, name);
        value(self.w, self.depth + 1);
        self.w.item_end(self.depth);
        self.n += 1;
        self
    }

    /// A string field.
    pub(crate) fn str(&mut self, name: &str, v: &str) -> &mut Self {
        self.field(name, |w, _| w.str(v))
    }

    /// A unit enum variant's field.
    pub(crate) fn ident(&mut self, name: &str, v: &str) -> &mut Self {
        self.field(name, |w, _| w.s.push_str(v))
    }

    /// An amount field.
    pub(crate) fn money(&mut self, name: &str, v: Money) -> &mut Self {
        self.field(name, |w, _| w.money(v))
    }

    /// A number field.
    pub(crate) fn num(&mut self, name: &str, v: u64) -> &mut Self {
        self.field(name, |w, _| w.num(v))
    }

    /// A field that has a serde default and is skipped when it has it, so
    /// files written before the field existed re-save byte for byte.
    pub(super) fn field_unless(
        &mut self,
        default: bool,
        name: &str,
        value: impl FnOnce(&mut Writer, usize),
    ) -> &mut Self {
        if !default {
            self.field(name, value);
        }
        self
    }

    /// A string field skipped when empty.
    pub(super) fn str_unless_empty(&mut self, name: &str, v: &str) -> &mut Self {
        self.field_unless(v.is_empty(), name, |w, _| w.str(v))
    }
}

/// A struct at `depth` whose fields `body` writes.
pub(crate) fn fields(w: &mut Writer, depth: usize, body: impl FnOnce(&mut Fields<'_>)) {
    w.strukt(depth, |w, depth| {
        let mut f = Fields { w, depth, n: 0 };
        body(&mut f);
        f.n
    });
}
