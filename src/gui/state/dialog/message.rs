//! What a dialog says, kept as what happened (a typed error, or the words
//! in both languages) rather than as text: the dialog renders its sentence
//! when it is drawn, so switching the language re-renders an open dialog.

use std::path::PathBuf;
use std::sync::Arc;

use crate::clipboard::cells::PasteError;
use crate::clipboard::projects::ClipError;
use crate::file::{LoadError, SaveError};
use crate::import::ImportError;
use crate::register::RegisterError;
use crate::{Lang, Text};

/// A dialog's message.
#[derive(Clone, Debug)]
pub enum Message {
    /// Words in both languages.
    Words(Text),
    /// Words in both languages, then a path (已导出：…).
    WordsAndPath(Text, PathBuf),
    /// A file did not load.
    Load(LoadError),
    /// A file was not written.
    Save(Arc<SaveError>),
    /// A workbook was not imported (nothing was).
    Import(Arc<ImportError>),
    /// Pasted cells were refused.
    Paste(PasteError),
    /// Pasted project rows were refused.
    Clip(ClipError),
    /// The receipt register could not be read or written.
    Register(Arc<RegisterError>),
}

impl Message {
    /// Fixed words.
    pub fn words(zh: &str, en: &str) -> Message {
        Message::Words(Text::new(zh, en))
    }

    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Message::Words(t) => t.get(lang).to_string(),
            Message::WordsAndPath(t, path) => format!("{}{}", t.get(lang), path.display()),
            Message::Load(e) => e.message(lang),
            Message::Save(e) => e.message(lang),
            Message::Import(e) => format!(
                "{}\n{}",
                lang.pick(
                    "工作簿有问题，未导入任何内容：",
                    "The workbook has problems; nothing was imported:",
                ),
                e.message(lang)
            ),
            Message::Paste(e) => e.message(lang),
            Message::Clip(e) => e.message(lang),
            Message::Register(e) => e.message(lang),
        }
    }
}

/// Two messages are equal when they say the same in both languages.
impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        [Lang::Zh, Lang::En]
            .into_iter()
            .all(|l| self.text(l) == other.text(l))
    }
}

impl Eq for Message {}

impl From<LoadError> for Message {
    fn from(e: LoadError) -> Message {
        Message::Load(e)
    }
}

impl From<SaveError> for Message {
    fn from(e: SaveError) -> Message {
        Message::Save(Arc::new(e))
    }
}

impl From<ImportError> for Message {
    fn from(e: ImportError) -> Message {
        Message::Import(Arc::new(e))
    }
}

impl From<PasteError> for Message {
    fn from(e: PasteError) -> Message {
        Message::Paste(e)
    }
}

impl From<ClipError> for Message {
    fn from(e: ClipError) -> Message {
        Message::Clip(e)
    }
}
