//! Edit distance with transpositions (optimal string alignment), bounded so that hopeless
//! candidates are abandoned early. A swapped pair of letters counts as one edit.

/// The distance between `a` and `b` if it is at most `max`, else `None`.
pub fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m)).filter(|d| *d <= max);
    }
    // Three rows: two back (for transpositions), previous, current.
    let width = m + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..=m).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=n {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[m]).filter(|d| *d <= max)
}

/// How many edits a query word of `len` characters may contain and still match.
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A 64-bit summary of which letters a word contains, to skip most candidates in one step:
/// words whose letter sets differ by more than two letters per edit cannot be close.
pub fn letter_mask(word: &[char]) -> u64 {
    word.iter().fold(0u64, |mask, c| mask | 1u64 << (u32::from(*c) % 64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_distance(&a, &b, max)
    }

    #[test]
    fn distances() {
        assert_eq!(d("harassment", "harassment", 2), Some(0));
        assert_eq!(d("harrasment", "harassment", 2), Some(2));
        assert_eq!(d("adress", "address", 1), Some(1));
        assert_eq!(d("phsihing", "phishing", 1), Some(1), "a transposition is one edit");
        assert_eq!(d("imperosnation", "impersonation", 1), Some(1));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("", "ab", 2), Some(2));
        assert_eq!(d("abc", "", 2), None);
    }

    #[test]
    fn letter_masks_of_anagrams_are_equal() {
        let a: Vec<char> = "listen".chars().collect();
        let b: Vec<char> = "silent".chars().collect();
        assert_eq!(letter_mask(&a), letter_mask(&b));
    }
}
