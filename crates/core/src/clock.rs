//! Hybrid logical clocks: timestamps that follow physical time when clocks agree and still
//! order events causally when they do not, so a client with a wrong clock cannot make its
//! edits win forever or lose forever.
//!
//! The caller supplies "now" (milliseconds since the epoch): this crate never reads a clock.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How far ahead of local time a remote clock may be before it is not believed.
pub const MAX_DRIFT_MS: u64 = 60 * 60 * 1000;

/// A point in hybrid logical time. Ordered by wall time, then counter, then node, so two
/// different nodes never produce equal stamps.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
    pub node: u64,
}

impl Hlc {
    pub const fn zero(node: u64) -> Hlc {
        Hlc {
            wall_ms: 0,
            counter: 0,
            node,
        }
    }

    /// The stamp of a new local event at physical time `now_ms`; advances `self`.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        if now_ms > self.wall_ms {
            self.wall_ms = now_ms;
            self.counter = 0;
        } else {
            self.counter = self.counter.saturating_add(1);
        }
        *self
    }

    /// Takes a remote stamp into account (on receiving it), so later local stamps order
    /// after it. A remote wall time implausibly far ahead of `now_ms` is capped.
    pub fn observe(&mut self, remote: Hlc, now_ms: u64) {
        let remote_wall = remote.wall_ms.min(now_ms.saturating_add(MAX_DRIFT_MS));
        let wall = self.wall_ms.max(remote_wall).max(now_ms);
        let counter = match (wall == self.wall_ms, wall == remote_wall) {
            (true, true) => self.counter.max(remote.counter).saturating_add(1),
            (true, false) => self.counter.saturating_add(1),
            (false, true) => remote.counter.saturating_add(1),
            (false, false) => 0,
        };
        self.wall_ms = wall;
        self.counter = counter;
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{:x}", self.wall_ms, self.counter, self.node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_clock_goes_back() {
        let mut clock = Hlc::zero(1);
        let a = clock.tick(1_000);
        let b = clock.tick(900);
        let c = clock.tick(900);
        let d = clock.tick(2_000);
        assert!(a < b && b < c && c < d);
        assert_eq!(d.counter, 0);
    }

    #[test]
    fn observing_a_remote_stamp_orders_later_events_after_it() {
        let mut slow = Hlc::zero(1);
        slow.tick(1_000);
        let remote = Hlc {
            wall_ms: 5_000,
            counter: 7,
            node: 2,
        };
        slow.observe(remote, 1_100);
        assert!(slow.tick(1_200) > remote);
    }

    #[test]
    fn a_remote_clock_far_in_the_future_is_capped() {
        let mut clock = Hlc::zero(1);
        let liar = Hlc {
            wall_ms: u64::MAX / 2,
            counter: 0,
            node: 2,
        };
        clock.observe(liar, 10_000);
        assert_eq!(clock.wall_ms, 10_000 + MAX_DRIFT_MS);
    }
}
