//! The operating system's reasons for a failed read or write, said in both
//! languages: its own text is English (`Permission denied (os error 13)`), and
//! a Chinese sentence must not carry English words.

use std::io::{self, ErrorKind};

use crate::Lang;

/// What an [`io::Error`] said, kept as a value that can be cloned and compared
/// (an `io::Error` can be neither) and said in either language later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoReason {
    /// The error's kind.
    pub kind: ErrorKind,
    /// The operating system's error code, when there is one.
    pub code: Option<i32>,
    /// The operating system's own words (English), as `io::Error` says them.
    pub text: String,
    /// Set when fundplan itself refused the path: it is no regular file.
    pub not_regular: Option<crate::file::FileKind>,
}

impl From<&io::Error> for IoReason {
    fn from(e: &io::Error) -> IoReason {
        IoReason {
            kind: e.kind(),
            code: e.raw_os_error(),
            text: e.to_string(),
            not_regular: crate::file::NotRegular::of(e).map(|n| n.0),
        }
    }
}

impl From<io::Error> for IoReason {
    fn from(e: io::Error) -> IoReason {
        IoReason::from(&e)
    }
}

impl IoReason {
    /// The reason in `lang`: in Chinese by its kind (or its code), in English
    /// the operating system's own text.
    pub fn message(&self, lang: Lang) -> String {
        if let Some(kind) = self.not_regular {
            return crate::file::NotRegular(kind).message(lang);
        }
        match lang {
            Lang::En => self.text.clone(),
            Lang::Zh => match kind_zh(self.kind) {
                Some(zh) => zh.to_string(),
                None => match self.code {
                    Some(code) => format!("系统错误（代码 {code}）"),
                    None => "系统错误".to_string(),
                },
            },
        }
    }
}

/// `e` as a clause in `lang` (see [`IoReason::message`]).
pub fn io_reason(e: &io::Error, lang: Lang) -> String {
    IoReason::from(e).message(lang)
}

/// The common kinds in Chinese; `None` for the rest, which are said by code.
fn kind_zh(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        ErrorKind::NotFound => "找不到该文件或文件夹",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::AlreadyExists => "文件已存在",
        ErrorKind::IsADirectory => "这是一个文件夹而不是文件",
        ErrorKind::NotADirectory => "路径中的某一级不是文件夹",
        ErrorKind::DirectoryNotEmpty => "文件夹不是空的",
        ErrorKind::StorageFull => "磁盘已满",
        ErrorKind::QuotaExceeded => "超出磁盘配额",
        ErrorKind::ReadOnlyFilesystem => "磁盘或文件系统为只读",
        ErrorKind::FileTooLarge => "文件过大",
        ErrorKind::InvalidData => "数据无效",
        ErrorKind::InvalidInput => "参数无效",
        ErrorKind::InvalidFilename => "文件名无效或过长",
        ErrorKind::TimedOut => "操作超时",
        ErrorKind::Interrupted => "操作被中断",
        ErrorKind::WouldBlock => "资源暂时不可用",
        ErrorKind::UnexpectedEof => "文件意外结束（内容不完整？）",
        ErrorKind::WriteZero => "无法写入全部数据",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::ResourceBusy => "文件或设备正忙",
        ErrorKind::ExecutableFileBusy => "文件正被程序使用",
        ErrorKind::Deadlock => "文件锁死锁",
        ErrorKind::CrossesDevices => "不能跨磁盘移动",
        ErrorKind::TooManyLinks => "链接过多",
        ErrorKind::StaleNetworkFileHandle => "网络文件句柄已失效",
        ErrorKind::NetworkUnreachable | ErrorKind::HostUnreachable => "网络不可达",
        ErrorKind::ConnectionRefused
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::NotConnected
        | ErrorKind::NetworkDown => "网络连接失败",
        ErrorKind::BrokenPipe => "管道已断开",
        ErrorKind::Unsupported => "此系统不支持该操作",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_reasons_have_no_english_words() {
        for e in [
            io::Error::from(ErrorKind::PermissionDenied),
            io::Error::from(ErrorKind::NotFound),
            io::Error::from_raw_os_error(13),
            io::Error::from_raw_os_error(2),
            io::Error::from_raw_os_error(9999),
            io::Error::other("some library text"),
        ] {
            let zh = io_reason(&e, Lang::Zh);
            assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
            assert_eq!(io_reason(&e, Lang::En), e.to_string());
        }
    }

    #[test]
    fn unknown_os_errors_say_their_code() {
        let e = io::Error::from_raw_os_error(9999);
        assert_eq!(io_reason(&e, Lang::Zh), "系统错误（代码 9999）");
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(io_reason(&e, Lang::Zh), "没有权限");
    }
}
