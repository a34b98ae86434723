//! A count of what each IP address holds open (connections, requests in progress), with a cap:
//! one client cannot take the share of the others. Slots are released when dropped, so a request
//! that is cancelled or times out gives its slot back.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// Open things per IP address.
#[derive(Clone, Debug, Default)]
pub struct PerIp(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One counted thing; uncounted when dropped.
#[derive(Debug)]
pub struct IpSlot {
    set: PerIp,
    ip: IpAddr,
}

impl PerIp {
    /// A slot for `ip`, or `None` when it already holds `max`.
    pub fn take(&self, ip: IpAddr, max: usize) -> Option<IpSlot> {
        let mut open = self.0.lock().ok()?;
        let n = open.entry(ip).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(IpSlot {
            set: self.clone(),
            ip,
        })
    }

    /// How many `ip` holds now.
    pub fn held(&self, ip: IpAddr) -> usize {
        self.0
            .lock()
            .map_or(0, |open| open.get(&ip).copied().unwrap_or(0))
    }
}

impl Drop for IpSlot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.set.0.lock()
            && let Some(n) = open.get_mut(&self.ip)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_per_ip_and_released_on_drop() {
        let set = PerIp::default();
        let a: IpAddr = [127, 0, 0, 2].into();
        let b: IpAddr = [127, 0, 0, 1].into();
        let first = set.take(a, 2).expect("one");
        let _second = set.take(a, 2).expect("two");
        assert!(set.take(a, 2).is_none());
        assert!(set.take(b, 2).is_some(), "another IP is not affected");
        drop(first);
        assert_eq!(set.held(a), 1);
        assert!(set.take(a, 2).is_some());
    }
}
