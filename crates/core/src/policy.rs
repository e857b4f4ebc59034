//! Policies, their versions, sections and enforcement actions.
//!
//! Invariants, upheld by the constructors and checked again on deserialization:
//! - a [`Slug`] and an [`Anchor`] are non-empty, lowercase ASCII letters, digits and single
//!   hyphens, so they are safe in a URL path or fragment without escaping;
//! - a [`Policy`]'s versions are sorted by number, with no number twice;
//! - within one version, section anchors are unique. An anchor names a section's meaning,
//!   so it stays the same across versions while the heading keeps that meaning.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::Block;

/// Why an identifier was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("must not be empty")]
    Empty,
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
    #[error("may contain only lowercase letters a-z, digits and single hyphens (found {found:?})")]
    BadCharacter { found: char },
    #[error("must not start or end with a hyphen, nor contain two in a row")]
    BadHyphen,
}

fn check_kebab(value: &str, max: usize) -> Result<(), IdError> {
    if value.is_empty() {
        return Err(IdError::Empty);
    }
    if value.len() > max {
        return Err(IdError::TooLong { max });
    }
    if let Some(found) = value
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(IdError::BadCharacter { found });
    }
    if value.starts_with('-') || value.ends_with('-') || value.contains("--") {
        return Err(IdError::BadHyphen);
    }
    Ok(())
}

macro_rules! kebab_id {
    ($(#[$meta:meta])* $name:ident, $max:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
                let value = value.into();
                check_kebab(&value, $max)?;
                Ok(Self(value))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

kebab_id!(
    /// A policy's permanent identifier, used in its address: `/policies/<slug>`.
    Slug,
    80
);
kebab_id!(
    /// A section's stable identifier within a policy, used as the URL fragment.
    Anchor,
    80
);

/// A calendar date written `YYYY-MM-DD`. Ordering of the text is ordering of the dates.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct IsoDate(String);

impl IsoDate {
    pub fn new(value: impl Into<String>) -> Result<Self, String> {
        let value = value.into();
        let bytes = value.as_bytes();
        let digits_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !digits_ok {
            return Err(format!("{value:?} is not a date in the form YYYY-MM-DD"));
        }
        let number =
            |range: std::ops::Range<usize>| -> u32 { value[range].parse().expect("checked to be ASCII digits above") };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(format!("{value:?} has no month {month}")),
        };
        if day == 0 || day > days_in_month {
            return Err(format!("{value:?} has no day {day} in month {month}"));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IsoDate {
    type Error = String;
    fn try_from(value: String) -> Result<Self, String> {
        Self::new(value)
    }
}

impl From<IsoDate> for String {
    fn from(date: IsoDate) -> String {
        date.0
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ISO 639-1 language code such as `en`, `es`, `ar`, `ja`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

impl Lang {
    pub fn new(value: impl Into<String>) -> Result<Self, String> {
        let value = value.into();
        if (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(value))
        } else {
            Err(format!(
                "{value:?} is not a language code: use two lowercase letters such as en, es, ar, ja"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether text in this language runs right to left.
    pub fn is_rtl(&self) -> bool {
        matches!(self.0.as_str(), "ar" | "he" | "fa" | "ur")
    }
}

impl TryFrom<String> for Lang {
    type Error = String;
    fn try_from(value: String) -> Result<Self, String> {
        Self::new(value)
    }
}

impl From<Lang> for String {
    fn from(lang: Lang) -> String {
        lang.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The family of harm a policy covers; one per policy, used as a search filter.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyArea {
    AbuseHarassment,
    HatefulConduct,
    PrivateInformation,
    PlatformManipulationSpam,
    CivicIntegrity,
    SyntheticMedia,
    ViolentSpeech,
    ViolentExtremism,
    ChildSafety,
    SelfHarm,
    SensitiveMedia,
    IllegalGoods,
    Impersonation,
    IntellectualProperty,
    Misinformation,
    FraudScams,
    AccountIntegrity,
}

impl PolicyArea {
    pub const ALL: [PolicyArea; 17] = [
        PolicyArea::AbuseHarassment,
        PolicyArea::HatefulConduct,
        PolicyArea::PrivateInformation,
        PolicyArea::PlatformManipulationSpam,
        PolicyArea::CivicIntegrity,
        PolicyArea::SyntheticMedia,
        PolicyArea::ViolentSpeech,
        PolicyArea::ViolentExtremism,
        PolicyArea::ChildSafety,
        PolicyArea::SelfHarm,
        PolicyArea::SensitiveMedia,
        PolicyArea::IllegalGoods,
        PolicyArea::Impersonation,
        PolicyArea::IntellectualProperty,
        PolicyArea::Misinformation,
        PolicyArea::FraudScams,
        PolicyArea::AccountIntegrity,
    ];

    /// The identifier used in files and URLs, e.g. `private-information`.
    pub fn id(self) -> &'static str {
        match self {
            PolicyArea::AbuseHarassment => "abuse-harassment",
            PolicyArea::HatefulConduct => "hateful-conduct",
            PolicyArea::PrivateInformation => "private-information",
            PolicyArea::PlatformManipulationSpam => "platform-manipulation-spam",
            PolicyArea::CivicIntegrity => "civic-integrity",
            PolicyArea::SyntheticMedia => "synthetic-media",
            PolicyArea::ViolentSpeech => "violent-speech",
            PolicyArea::ViolentExtremism => "violent-extremism",
            PolicyArea::ChildSafety => "child-safety",
            PolicyArea::SelfHarm => "self-harm",
            PolicyArea::SensitiveMedia => "sensitive-media",
            PolicyArea::IllegalGoods => "illegal-goods",
            PolicyArea::Impersonation => "impersonation",
            PolicyArea::IntellectualProperty => "intellectual-property",
            PolicyArea::Misinformation => "misinformation",
            PolicyArea::FraudScams => "fraud-scams",
            PolicyArea::AccountIntegrity => "account-integrity",
        }
    }

    /// A short human label, e.g. `Private information`.
    pub fn label(self) -> &'static str {
        match self {
            PolicyArea::AbuseHarassment => "Abuse & harassment",
            PolicyArea::HatefulConduct => "Hateful conduct",
            PolicyArea::PrivateInformation => "Private information",
            PolicyArea::PlatformManipulationSpam => "Platform manipulation & spam",
            PolicyArea::CivicIntegrity => "Civic integrity",
            PolicyArea::SyntheticMedia => "Synthetic & manipulated media",
            PolicyArea::ViolentSpeech => "Violent speech",
            PolicyArea::ViolentExtremism => "Violent extremism",
            PolicyArea::ChildSafety => "Child safety",
            PolicyArea::SelfHarm => "Suicide & self-harm",
            PolicyArea::SensitiveMedia => "Sensitive media",
            PolicyArea::IllegalGoods => "Illegal goods & services",
            PolicyArea::Impersonation => "Impersonation",
            PolicyArea::IntellectualProperty => "Intellectual property",
            PolicyArea::Misinformation => "Misleading information",
            PolicyArea::FraudScams => "Fraud & scams",
            PolicyArea::AccountIntegrity => "Account integrity",
        }
    }

    pub fn from_id(id: &str) -> Option<PolicyArea> {
        PolicyArea::ALL.into_iter().find(|area| area.id() == id)
    }
}

/// Where a version is in its life. An import keeps at most one version of a policy
/// `Published`: publishing a newer one marks the previous one `Superseded`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionStatus {
    Draft,
    Published,
    /// Replaced by a newer published version.
    Superseded,
    /// Withdrawn without a replacement.
    Retired,
}

impl VersionStatus {
    pub fn label(self) -> &'static str {
        match self {
            VersionStatus::Draft => "Draft",
            VersionStatus::Published => "Published",
            VersionStatus::Superseded => "Superseded",
            VersionStatus::Retired => "Retired",
        }
    }

    /// The word policy files use for it (`status: superseded`).
    pub fn id(self) -> &'static str {
        match self {
            VersionStatus::Draft => "draft",
            VersionStatus::Published => "published",
            VersionStatus::Superseded => "superseded",
            VersionStatus::Retired => "retired",
        }
    }

    /// Whether the version has left service (retired or superseded): such a status carries
    /// the date it took effect.
    pub fn has_ended(self) -> bool {
        matches!(self, VersionStatus::Superseded | VersionStatus::Retired)
    }
}

/// How heavy an enforcement action is, lightest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
        }
    }
}

/// Something an agent may do when a policy is violated, and when it applies.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementAction {
    pub name: String,
    pub severity: Severity,
    pub when: String,
}

/// One addressable part of a policy version.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub anchor: Anchor,
    pub heading: String,
    /// The section's language when it differs from the policy's first language.
    pub lang: Option<Lang>,
    pub body: Vec<Block>,
}

/// A numbered revision of a policy. Its text is immutable; only its status moves on.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyVersion {
    pub number: u32,
    pub status: VersionStatus,
    /// When a retired or superseded version left service; `None` for drafts and the
    /// published version. Always written (null when absent): the compact library (postcard)
    /// has no field names, so a skipped field would misalign it.
    #[serde(default)]
    pub status_since: Option<IsoDate>,
    pub effective: IsoDate,
    pub verified_until: IsoDate,
    pub summary: String,
    pub sections: Vec<Section>,
    pub actions: Vec<EnforcementAction>,
}

impl PolicyVersion {
    pub fn section(&self, anchor: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.anchor.as_str() == anchor)
    }
}

/// A policy and every version of it, oldest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub slug: Slug,
    pub title: String,
    pub area: PolicyArea,
    pub owner: String,
    pub regions: Vec<String>,
    pub languages: Vec<Lang>,
    pub versions: Vec<PolicyVersion>,
}

impl Policy {
    pub fn version(&self, number: u32) -> Option<&PolicyVersion> {
        self.versions.iter().find(|v| v.number == number)
    }

    /// The version an agent should apply today: the newest published one, or, when none is
    /// published yet, the newest of any status.
    pub fn current(&self) -> Option<&PolicyVersion> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.status == VersionStatus::Published)
            .or_else(|| self.versions.last())
    }

    /// Checks the invariants that a deserialized value cannot enforce by its types alone.
    pub fn check(&self) -> Result<(), String> {
        if self.versions.is_empty() {
            return Err(format!("policy {} has no versions", self.slug));
        }
        for pair in self.versions.windows(2) {
            if pair[0].number >= pair[1].number {
                return Err(format!(
                    "policy {}: versions must be in increasing order without repeats ({} then {})",
                    self.slug, pair[0].number, pair[1].number
                ));
            }
        }
        for version in &self.versions {
            let mut anchors: Vec<&str> = version.sections.iter().map(|s| s.anchor.as_str()).collect();
            anchors.sort_unstable();
            if let Some(pair) = anchors.windows(2).find(|p| p[0] == p[1]) {
                return Err(format!(
                    "policy {} v{}: anchor #{} is used twice",
                    self.slug, version.number, pair[0]
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_kebab_case_and_refuse_the_rest() {
        assert!(Slug::new("private-information").is_ok());
        assert!(Slug::new("a1").is_ok());
        assert_eq!(Slug::new(""), Err(IdError::Empty));
        assert_eq!(Slug::new("Private"), Err(IdError::BadCharacter { found: 'P' }));
        assert_eq!(Slug::new("a b"), Err(IdError::BadCharacter { found: ' ' }));
        assert_eq!(Slug::new("-a"), Err(IdError::BadHyphen));
        assert_eq!(Slug::new("a--b"), Err(IdError::BadHyphen));
        assert_eq!(Slug::new("x".repeat(81)), Err(IdError::TooLong { max: 80 }));
    }

    #[test]
    fn deserializing_an_invalid_anchor_fails() {
        let err = serde_json::from_str::<Anchor>("\"Not OK\"").unwrap_err();
        assert!(err.to_string().contains("lowercase"), "{err}");
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(IsoDate::new("2024-02-29").is_ok());
        assert!(IsoDate::new("2023-02-29").is_err());
        assert!(IsoDate::new("2026-13-01").is_err());
        assert!(IsoDate::new("2026-1-01").is_err());
        assert!(IsoDate::new("2026-04-31").is_err());
        assert!(IsoDate::new("2026-04-30").unwrap() < IsoDate::new("2026-05-01").unwrap());
    }

    #[test]
    fn areas_round_trip_through_their_ids() {
        for area in PolicyArea::ALL {
            assert_eq!(PolicyArea::from_id(area.id()), Some(area));
            let json = serde_json::to_string(&area).unwrap();
            assert_eq!(json, format!("\"{}\"", area.id()));
        }
    }

    fn version(number: u32, status: VersionStatus) -> PolicyVersion {
        PolicyVersion {
            number,
            status,
            status_since: None,
            effective: IsoDate::new("2026-01-01").unwrap(),
            verified_until: IsoDate::new("2027-01-01").unwrap(),
            summary: String::new(),
            sections: vec![],
            actions: vec![],
        }
    }

    fn policy(versions: Vec<PolicyVersion>) -> Policy {
        Policy {
            slug: Slug::new("p").unwrap(),
            title: "P".into(),
            area: PolicyArea::FraudScams,
            owner: "o".into(),
            regions: vec![],
            languages: vec![],
            versions,
        }
    }

    #[test]
    fn current_prefers_the_newest_published_version_over_a_newer_draft() {
        let p = policy(vec![
            version(1, VersionStatus::Retired),
            version(2, VersionStatus::Published),
            version(3, VersionStatus::Draft),
        ]);
        assert_eq!(p.current().map(|v| v.number), Some(2));
        let drafts_only = policy(vec![version(1, VersionStatus::Draft)]);
        assert_eq!(drafts_only.current().map(|v| v.number), Some(1));
    }

    #[test]
    fn check_refuses_unordered_versions() {
        let p = policy(vec![
            version(2, VersionStatus::Retired),
            version(1, VersionStatus::Published),
        ]);
        assert!(p.check().unwrap_err().contains("increasing order"));
    }
}
