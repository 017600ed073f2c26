//! The app's state apart from drawing: the open document's session.

pub mod session;
