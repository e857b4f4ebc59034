//! Demo accounts, one per role, created with `--demo` on an empty database so a first run
//! can try every part of Casebook. Never use `--demo` on a server people rely on.

use crate::auth::{Role, hash_password};
use crate::store::Store;

pub const ORG: &str = "Demo Vendor";
pub const PASSWORD: &str = "casebook-demo";
pub const ACCOUNTS: [(&str, &str, Role); 4] = [
    ("agent@demo.casebook.test", "Amal Agent", Role::Agent),
    ("specialist@demo.casebook.test", "Sora Specialist", Role::Specialist),
    ("trainer@demo.casebook.test", "Tomás Trainer", Role::Trainer),
    ("admin@demo.casebook.test", "Ada Admin", Role::Admin),
];

pub async fn create_accounts(store: &Store) -> anyhow::Result<()> {
    let now = crate::now_rfc3339();
    let org = store.ensure_org(ORG, &now).await?;
    let hash = hash_password(PASSWORD)?;
    for (email, name, role) in ACCOUNTS {
        store.create_user(&org, email, name, role, &hash, &now).await?;
    }
    Ok(())
}
