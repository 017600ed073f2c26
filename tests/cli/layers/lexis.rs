//! The layers scan's reading of Rust text: code without comments, literals or restricted
//! visibilities; use trees; `a::b` chains.

/// Blanks comments and the insides of string and char literals, keeping
/// line breaks, so that only code is searched.
pub(super) fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str("  ");
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            // A raw string: r"…" or r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            out.push_str(&" ".repeat(2 + hashes));
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str(&" ".repeat(close.len()));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let skip = if chars[i] == '\\' { 2 } else { 1 };
                for k in 0..skip {
                    if let Some(&ch) = chars.get(i + k) {
                        out.push(blank(ch));
                    }
                }
                i += skip;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A char literal ('"', '\'', '\n'); a lifetime has no closing quote.
            let from = if next == Some('\\') { i + 3 } else { i + 2 };
            let end = (from..chars.len()).find(|&k| chars[k] == '\'');
            let end = end.unwrap_or(i);
            out.push_str(&" ".repeat(end + 1 - i));
            i = end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// What follows `use` on a line that starts a use declaration.
pub(super) fn use_tree(line: &str) -> Option<&str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let k = words.iter().position(|w| *w == "use")?;
    let before_ok = words[..k]
        .iter()
        .all(|w| w.starts_with("pub") || w.starts_with("#["));
    let at = line.find("use ")?;
    before_ok.then(|| &line[at + 4..])
}

/// Expands a use tree (`crate::gui::{app, kit::{a as b, c}}`) into its paths.
pub(super) fn expand(tree: &str) -> Vec<String> {
    // Renames (`as x`) go: the path is what counts.
    let mut words = tree.split_whitespace();
    let mut tree = String::new();
    while let Some(w) = words.next() {
        if w == "as" {
            let renamed = words.next().unwrap_or("");
            tree.extend(
                renamed
                    .chars()
                    .skip_while(|c| c.is_alphanumeric() || *c == '_'),
            );
        } else {
            tree.push_str(w);
        }
    }
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (k, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{prefix}{p}")))
        .collect()
}

/// The `a::b::c` chains in a stretch of code, each with its byte offset and without the
/// white space (line breaks too) Rust allows around `::`.
pub(super) fn chains(code: &str) -> Vec<(usize, String)> {
    let bytes = code.as_bytes();
    let is_id = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let skip_space = |mut k: usize| {
        while k < bytes.len() && bytes[k].is_ascii_whitespace() {
            k += 1;
        }
        k
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_id(bytes[i]) || (i > 0 && (is_id(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut path = String::new();
        loop {
            let from = i;
            while i < bytes.len() && is_id(bytes[i]) {
                i += 1;
            }
            path.push_str(&code[from..i]);
            let colons = skip_space(i);
            let next = skip_space(colons + 2);
            if code[colons..].starts_with("::") && bytes.get(next).is_some_and(|&b| is_id(b)) {
                path.push_str("::");
                i = next;
            } else {
                break;
            }
        }
        if path.contains("::") {
            found.push((start, path));
        }
    }
    found
}

/// Blanks the paths of restricted visibilities (`pub(in crate::gui)`, `pub(crate)`): they
/// name an enclosing module, never a layer above, and hide the `use` that may follow.
pub(super) fn without_visibility(code: &str) -> String {
    let mut out = code.to_string();
    let mut from = 0;
    while let Some(at) = out[from..].find("pub(").map(|k| from + k) {
        let open = at + 3;
        if out[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            from = open; // `my_pub(`: a call, not a visibility.
            continue;
        }
        let close = out[open..].find(')').map_or(out.len(), |k| open + k + 1);
        let blank: String = out[open..close]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(open..close, &blank);
        from = close;
    }
    out
}
