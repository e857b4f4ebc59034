//! What a request may put into storage or into a query. Every text a person types (an email,
//! a name, a password, an audit filter, an id in a path) is bounded in length and, where it
//! makes no sense, free of control characters, checked before it reaches the database, the
//! audit log or argon2, and refused with a 422 that names the field and the limit.
//!
//! Never let a field through unchecked: the audit log is append-only, so whatever reaches it
//! stays, and PostgreSQL refuses a NUL in text with an error instead of storing it.

use crate::error::AppError;

/// The longest email address (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest name of a person or an organisation.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest password argon2 is given; longer adds nothing but work.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// The longest value of an audit filter or an id (nothing stored is longer).
pub const MAX_FILTER_CHARS: usize = 254;

/// A single line of text: at most `max` characters and no control characters.
pub fn line<'a>(field: &str, value: &'a str, max: usize) -> Result<&'a str, AppError> {
    if value.chars().count() > max {
        return Err(AppError::Unprocessable(format!(
            "The {field} is too long (at most {max} characters)."
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(AppError::Unprocessable(format!(
            "The {field} contains a control character."
        )));
    }
    Ok(value)
}

/// An email as typed at sign-in: trimmed and lowercased, bounded and without control
/// characters. No further shape is required, so an account created by the operator with an
/// unusual address can still sign in.
pub fn typed_email(value: &str) -> Result<String, AppError> {
    Ok(line("email", value.trim(), MAX_EMAIL_CHARS)?.to_lowercase())
}

/// The email of a new account: as [`typed_email`], with one `@` between a local part and a
/// domain, and no spaces.
pub fn new_email(value: &str) -> Result<String, AppError> {
    let email = typed_email(value)?;
    let well_formed = email
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
        && !email.contains(char::is_whitespace);
    if !well_formed {
        return Err(AppError::Unprocessable("Give a valid email address.".into()));
    }
    Ok(email)
}

/// The domain of an email checked by [`new_email`].
pub fn email_domain(email: &str) -> &str {
    email.rsplit_once('@').map_or("", |(_, domain)| domain)
}

/// A person's or an organisation's name: trimmed, not empty, bounded, one line.
pub fn name(value: &str) -> Result<&str, AppError> {
    let name = value.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::Unprocessable(format!(
            "Give the name (up to {MAX_NAME_CHARS} characters)."
        )));
    }
    line("name", name, MAX_NAME_CHARS)
}

/// A password as typed (a new one is also checked by `auth::check_new_password`). Any
/// character is allowed: it is hashed, never stored.
pub fn password(value: &str) -> Result<&str, AppError> {
    if value.chars().count() > MAX_PASSWORD_CHARS {
        return Err(AppError::Unprocessable(format!(
            "Passwords have at most {MAX_PASSWORD_CHARS} characters."
        )));
    }
    Ok(value)
}

/// An optional filter or id from a query string or a path.
pub fn filter<'a>(field: &str, value: Option<&'a str>) -> Result<Option<&'a str>, AppError> {
    value.map(|v| line(field, v, MAX_FILTER_CHARS)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_bounded_and_free_of_control_characters() {
        let long = "a".repeat(MAX_EMAIL_CHARS) + "@x";
        for (input, accepted) in [
            ("Ann@Example.TEST ", Some("ann@example.test")),
            ("ann\0@example.test", None),
            ("ann@exa\nmple.test", None),
            (long.as_str(), None),
            ("no-at-sign", None),
            ("@example.test", None),
            ("ann@", None),
            ("a@b@c", None),
            ("a b@c", None),
        ] {
            assert_eq!(new_email(input).ok().as_deref(), accepted, "{input:?}");
        }
        assert_eq!(typed_email("no-at-sign").ok().as_deref(), Some("no-at-sign"));
        assert!(name("Ann\u{7}").is_err());
        assert!(name("  ").is_err());
        assert_eq!(name(" Ann ").ok(), Some("Ann"));
        assert!(password(&"p".repeat(MAX_PASSWORD_CHARS + 1)).is_err());
        assert!(password("with\0nul is hashed, not stored").is_ok());
        assert!(filter("actor", Some("x\0")).is_err());
        assert_eq!(filter("actor", None).ok(), Some(None));
        assert_eq!(email_domain("ann@example.test"), "example.test");
    }
}
