//! Reading a library folder sent as a zip file: the central directory, checked by hand, with
//! bounds on the number of entries, each entry's size and the total uncompressed bytes, so a
//! crafted archive (a zip bomb, overlapping or out-of-range entries, ZIP64, encryption) is
//! refused before anything is inflated. Inflating is the caller's (the browser's
//! `DecompressionStream('deflate-raw')`), which must stop at the entry's declared size and
//! then check it with [`crc32`].

/// The bounds an archive is read within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most entries in the central directory (folders and skipped files count).
    pub entries: usize,
    /// Largest uncompressed size of one kept file.
    pub file_bytes: u64,
    /// Largest uncompressed size of the kept files together.
    pub total_bytes: u64,
}

/// How an entry's data is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflated,
}

/// A file to take out of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path inside the library folder (a common top folder removed).
    pub path: String,
    pub method: Method,
    /// Where its data starts and ends in the archive.
    pub data: std::ops::Range<usize>,
    /// Its declared uncompressed size and CRC-32.
    pub size: u64,
    pub crc32: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    #[error("this is not a zip file")]
    NotZip,
    #[error("the zip file is damaged: {0}")]
    Damaged(&'static str),
    #[error("the zip file has more than {0} entries")]
    TooManyEntries(usize),
    #[error("{0} is larger than {1} bytes once unpacked")]
    FileTooLarge(String, u64),
    #[error("the files are larger than {0} bytes together once unpacked")]
    TooLarge(u64),
    #[error("{0} is encrypted, split or uses an unsupported compression")]
    Unsupported(String),
    #[error("{0} is not a safe path inside the folder")]
    BadPath(String),
}

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Whether `path` is a library file: Markdown or the synonym list.
pub fn is_library_file(path: &str) -> bool {
    [".md", ".yaml", ".yml"].iter().any(|ext| path.ends_with(ext))
}

/// The library files of a zip archive, in the archive's order, within `limits`.
pub fn entries(bytes: &[u8], limits: Limits) -> Result<Vec<Entry>, ZipError> {
    // The end-of-central-directory record is within the last 22 + 65,535 bytes.
    let floor = bytes.len().saturating_sub(22 + 0xFFFF);
    let eocd = (floor..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&at| u32_at(bytes, at) == Some(EOCD))
        .ok_or(ZipError::NotZip)?;
    let damaged = ZipError::Damaged;
    let disk = u16_at(bytes, eocd + 4).ok_or(damaged("end record"))?;
    let count = usize::from(u16_at(bytes, eocd + 10).ok_or(damaged("end record"))?);
    let dir_size = u32_at(bytes, eocd + 12).ok_or(damaged("end record"))? as usize;
    let dir_start = u32_at(bytes, eocd + 16).ok_or(damaged("end record"))? as usize;
    if disk != 0 {
        return Err(ZipError::Unsupported("a split archive".into()));
    }
    if count == 0xFFFF || dir_start == 0xFFFF_FFFF {
        return Err(ZipError::Unsupported("a ZIP64 archive".into()));
    }
    if count > limits.entries {
        return Err(ZipError::TooManyEntries(limits.entries));
    }
    if dir_start.checked_add(dir_size).is_none_or(|end| end > eocd) {
        return Err(damaged("the central directory is out of range"));
    }
    let mut at = dir_start;
    let mut raw = Vec::new();
    let mut total: u64 = 0;
    for _ in 0..count {
        if u32_at(bytes, at) != Some(CENTRAL) || at + 46 > dir_start + dir_size {
            return Err(damaged("a central directory entry"));
        }
        let field = |off: usize| u16_at(bytes, at + off).ok_or(damaged("a central directory entry"));
        let word = |off: usize| u32_at(bytes, at + off).ok_or(damaged("a central directory entry"));
        let (flags, method) = (field(8)?, field(10)?);
        let (crc, compressed, size) = (word(16)?, word(20)?, word(24)?);
        let (name_len, extra_len, comment_len) = (
            usize::from(field(28)?),
            usize::from(field(30)?),
            usize::from(field(32)?),
        );
        let local = word(42)? as usize;
        let name_bytes = bytes.get(at + 46..at + 46 + name_len).ok_or(damaged("a file name"))?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if at > dir_start + dir_size {
            return Err(damaged("a central directory entry"));
        }
        if name.ends_with('/') || !is_library_file(&name) {
            continue;
        }
        if name.contains('\\')
            || name.starts_with('/')
            || name
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..")
            || name.chars().any(char::is_control)
        {
            return Err(ZipError::BadPath(name));
        }
        let method = match method {
            0 => Method::Stored,
            8 => Method::Deflated,
            _ => return Err(ZipError::Unsupported(name)),
        };
        if flags & 1 != 0 || compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF {
            return Err(ZipError::Unsupported(name));
        }
        if u64::from(size) > limits.file_bytes {
            return Err(ZipError::FileTooLarge(name, limits.file_bytes));
        }
        total += u64::from(size);
        if total > limits.total_bytes {
            return Err(ZipError::TooLarge(limits.total_bytes));
        }
        if method == Method::Stored && compressed != size {
            return Err(damaged("a stored file's sizes differ"));
        }
        // The local header repeats the name; its own extra field decides where data starts.
        if u32_at(bytes, local) != Some(LOCAL) {
            return Err(damaged("a local file header"));
        }
        let local_name = usize::from(u16_at(bytes, local + 26).ok_or(damaged("a local file header"))?);
        let local_extra = usize::from(u16_at(bytes, local + 28).ok_or(damaged("a local file header"))?);
        let start = local + 30 + local_name + local_extra;
        let end = start
            .checked_add(compressed as usize)
            .filter(|end| *end <= dir_start)
            .ok_or(damaged("a file's data is out of range"))?;
        raw.push(Entry {
            path: name,
            method,
            data: start..end,
            size: u64::from(size),
            crc32: crc,
        });
    }
    // Entries whose data overlap are a known zip bomb construction.
    let mut spans: Vec<&std::ops::Range<usize>> = raw.iter().map(|e| &e.data).collect();
    spans.sort_by_key(|r| r.start);
    if spans.windows(2).any(|w| w[0].end > w[1].start) {
        return Err(damaged("two files share their data"));
    }
    strip_common_folder(&mut raw);
    Ok(raw)
}

/// A zip of a folder holds `folder/policies/…`: the paths inside the folder, as a chosen
/// folder gives them.
fn strip_common_folder(entries: &mut [Entry]) {
    let Some(first) = entries
        .first()
        .and_then(|e| e.path.split_once('/'))
        .map(|(top, _)| top.to_string())
    else {
        return;
    };
    let prefix = format!("{first}/");
    if first != "policies" && entries.iter().all(|e| e.path.starts_with(&prefix)) {
        for e in entries {
            e.path = e.path[prefix.len()..].to_string();
        }
    }
}

/// The CRC-32 (IEEE) of `bytes`, as zip records it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        entries: 10,
        file_bytes: 1_000,
        total_bytes: 1_500,
    };

    /// A zip of stored files, written by hand: (name, data).
    fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in files {
            let offset = out.len() as u32;
            let crc = crc32(data);
            out.extend(LOCAL.to_le_bytes());
            out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend(crc.to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes());
            out.extend(name.as_bytes());
            out.extend(*data);
            central.extend(CENTRAL.to_le_bytes());
            central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend(crc.to_le_bytes());
            central.extend((data.len() as u32).to_le_bytes());
            central.extend((data.len() as u32).to_le_bytes());
            central.extend((name.len() as u16).to_le_bytes());
            central.extend([0u8; 12]);
            central.extend(offset.to_le_bytes());
            central.extend(name.as_bytes());
        }
        let start = out.len() as u32;
        out.extend(&central);
        out.extend(EOCD.to_le_bytes());
        out.extend([0, 0, 0, 0]);
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(start.to_le_bytes());
        out.extend([0, 0]);
        out
    }

    #[test]
    fn the_library_files_come_out_with_their_paths_inside_the_folder() {
        let bytes = zip(&[
            ("library/", b""),
            ("library/policies/spam/v1.md", b"---\nslug: spam\n---\n"),
            ("library/synonyms.yaml", b"- [a, b]\n"),
            ("library/notes.txt", b"skipped"),
        ]);
        let found = entries(&bytes, LIMITS).expect("a valid zip");
        let paths: Vec<&str> = found.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["policies/spam/v1.md", "synonyms.yaml"]);
        assert_eq!(&bytes[found[0].data.clone()], b"---\nslug: spam\n---\n");
        assert_eq!(found[0].crc32, crc32(b"---\nslug: spam\n---\n"));
        assert_eq!(found[0].method, Method::Stored);
        // Zipped from inside the folder: the paths stay.
        let inside = zip(&[("policies/spam/v1.md", b"x"), ("synonyms.yaml", b"y")]);
        let paths: Vec<String> = entries(&inside, LIMITS).unwrap().into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["policies/spam/v1.md", "synonyms.yaml"]);
    }

    #[test]
    fn hostile_archives_are_refused_before_anything_is_inflated() {
        let big = vec![b'x'; 1_001];
        assert_eq!(
            entries(&zip(&[("a.md", &big)]), LIMITS),
            Err(ZipError::FileTooLarge("a.md".into(), 1_000))
        );
        let half = vec![b'x'; 800];
        assert_eq!(
            entries(&zip(&[("a.md", &half), ("b.md", &half)]), LIMITS),
            Err(ZipError::TooLarge(1_500))
        );
        let many: Vec<(String, &[u8])> = (0..11).map(|i| (format!("{i}.md"), &b"x"[..])).collect();
        let many: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), *d)).collect();
        assert_eq!(entries(&zip(&many), LIMITS), Err(ZipError::TooManyEntries(10)));
        for name in ["../evil.md", "/abs.md", "a//b.md", "a\\b.md"] {
            assert_eq!(
                entries(&zip(&[(name, b"x")]), LIMITS),
                Err(ZipError::BadPath(name.into())),
                "{name}"
            );
        }
        assert_eq!(entries(b"not a zip at all, just text", LIMITS), Err(ZipError::NotZip));
        // Cut short: the directory points past the end.
        let whole = zip(&[("a.md", b"hello")]);
        let mut cut = whole.clone();
        cut.drain(10..20);
        assert!(entries(&cut, LIMITS).is_err());
        // A central entry whose declared size lies about a stored file.
        let mut lying = whole.clone();
        let central = whole.len() - 22 - (46 + 4);
        lying[central + 24] = 200;
        assert!(matches!(entries(&lying, LIMITS), Err(ZipError::Damaged(_))));
        // Encrypted.
        let mut locked = whole.clone();
        locked[central + 8] = 1;
        assert_eq!(entries(&locked, LIMITS), Err(ZipError::Unsupported("a.md".into())));
        // Two entries sharing one file's data.
        let mut shared = zip(&[("a.md", b"hello"), ("b.md", b"hello")]);
        let second = shared.len() - 22 - (46 + 4);
        shared[second + 42..second + 46].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(
            entries(&shared, LIMITS),
            Err(ZipError::Damaged("two files share their data"))
        );
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
