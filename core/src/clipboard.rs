//! What Excel and WPS put on the clipboard, read into edits of a plan: a
//! column or block of amounts pasted into amount cells ([`cells`]), and
//! projects as tab-separated rows of 表2 ([`projects`]). Plain text in, typed
//! refusals out, in both languages; the GUI only hands over the text.

pub mod cells;
pub mod projects;
