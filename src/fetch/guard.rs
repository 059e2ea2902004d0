//! The SSRF guard: which addresses the fetcher may connect to. Internal addresses (loopback,
//! private, link-local, CGNAT, multicast, unique-local, IPv4-mapped, unspecified, reserved)
//! are refused unless a configured allow-list covers them. The check runs inside the HTTP
//! client's DNS resolver, so the addresses checked are the addresses connected to (no
//! DNS-rebinding window), and on IP-literal hosts, which the client never resolves.

use ipnet::IpNet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

/// Why an address may not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub host: String,
    pub addr: IpAddr,
    pub class: &'static str,
}

impl std::fmt::Display for Blocked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (host, addr, class) = (&self.host, self.addr, self.class);
        if host.trim_matches(|c| c == '[' || c == ']') == addr.to_string() {
            write!(f, "{addr} is a {class} address; fetching it is not allowed")
        } else {
            write!(
                f,
                "{host} resolves to {addr}, a {class} address; fetching it is not allowed"
            )
        }
    }
}

impl std::error::Error for Blocked {}

/// A host name that does not resolve.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the name {host} does not resolve: {reason}")]
pub struct NotFound {
    pub host: String,
    pub reason: String,
}

/// The class of an address that is never fetched, or `None` for a public address.
pub fn internal_class(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_class(v4),
        IpAddr::V6(v6) => v6_class(v6),
    }
}

fn v4_class(ip: Ipv4Addr) -> Option<&'static str> {
    let o = ip.octets();
    Some(match o {
        _ if ip.is_unspecified() => "unspecified",
        [0, ..] => "this-network",
        [127, ..] => "loopback",
        [10, ..] => "private",
        [172, b, ..] if (16..32).contains(&b) => "private",
        [192, 168, ..] => "private",
        [169, 254, ..] => "link-local",
        [100, b, ..] if (64..128).contains(&b) => "CGNAT",
        [192, 0, 0, _] => "IETF-reserved",
        [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _] => "documentation",
        [198, b, ..] if b == 18 || b == 19 => "benchmarking",
        [a, ..] if (224..240).contains(&a) => "multicast",
        [255, 255, 255, 255] => "broadcast",
        [a, ..] if a >= 240 => "reserved",
        _ => return None,
    })
}

fn v6_class(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    if ip.to_ipv4_mapped().is_some() {
        return Some("IPv4-mapped");
    }
    Some(match s[0] {
        x if x & 0xfe00 == 0xfc00 => "unique-local",
        x if x & 0xffc0 == 0xfe80 => "link-local",
        x if x & 0xffc0 == 0xfec0 => "site-local",
        x if x & 0xff00 == 0xff00 => "multicast",
        0x0064 if s[1] == 0xff9b => "NAT64",
        0x2001 if s[1] == 0x0db8 => "documentation",
        0x2001 if s[1] == 0 => "Teredo",
        0x2002 => "6to4",
        0x0100 if s[1..4] == [0, 0, 0] => "discard",
        // IPv4-compatible (deprecated) ::a.b.c.d
        0 if s[1..6] == [0, 0, 0, 0, 0] => "IPv4-compatible",
        _ => return None,
    })
}

/// The guard: the internal-address rule with the configured allow-list.
#[derive(Debug, Clone, Default)]
pub struct Guard {
    allow: Arc<Vec<IpNet>>,
}

impl Guard {
    /// A guard allowing the given networks ("127.0.0.1/32", "10.0.0.0/8", or a bare address).
    pub fn new(allow: &[String]) -> Result<Guard, String> {
        let mut nets = Vec::new();
        for a in allow {
            let a = a.trim();
            let net = a
                .parse::<IpNet>()
                .or_else(|_| a.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("fetch.allow_addresses: {a:?} is not an address or CIDR"))?;
            nets.push(net);
        }
        Ok(Guard {
            allow: Arc::new(nets),
        })
    }

    /// Checks one address for `host`.
    pub fn check(&self, host: &str, ip: IpAddr) -> Result<(), Blocked> {
        if self.allow.iter().any(|n| n.contains(&ip)) {
            return Ok(());
        }
        match internal_class(ip) {
            None => Ok(()),
            Some(class) => Err(Blocked {
                host: host.to_owned(),
                addr: ip,
                class,
            }),
        }
    }

    /// Resolves `host` and keeps the addresses that may be fetched; refuses when none remain.
    pub async fn resolve(
        &self,
        host: &str,
    ) -> Result<Vec<SocketAddr>, Box<dyn std::error::Error + Send + Sync>> {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = bare.parse::<IpAddr>() {
            self.check(host, ip)?;
            return Ok(vec![SocketAddr::new(ip, 0)]);
        }
        let found: Vec<SocketAddr> = tokio::net::lookup_host((bare, 0))
            .await
            .map_err(|e| NotFound {
                host: host.to_owned(),
                reason: e.to_string(),
            })?
            .collect();
        if found.is_empty() {
            return Err(Box::new(NotFound {
                host: host.to_owned(),
                reason: "no addresses".into(),
            }));
        }
        let mut first_block = None;
        let ok: Vec<SocketAddr> = found
            .into_iter()
            .filter(|a| match self.check(host, a.ip()) {
                Ok(()) => true,
                Err(b) => {
                    first_block.get_or_insert(b);
                    false
                }
            })
            .collect();
        match (ok.is_empty(), first_block) {
            (true, Some(b)) => Err(Box::new(b)),
            _ => Ok(ok),
        }
    }
}

/// The guard as the HTTP client's resolver.
#[derive(Debug, Clone)]
pub struct GuardedResolver(pub Guard);

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let guard = self.0.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs = guard.resolve(&host).await?;
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(s: &str) -> bool {
        internal_class(s.parse().expect("address")).is_some()
    }

    #[test]
    fn internal_addresses_are_classified() {
        for a in [
            "127.0.0.1",
            "127.9.9.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:8.8.8.8",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "::127.0.0.1",
        ] {
            assert!(blocked(a), "{a} should be refused");
        }
        for a in [
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "203.162.4.190",
            "2001:4860:4860::8888",
            "2606:4700::1111",
        ] {
            assert!(!blocked(a), "{a} is public");
        }
    }

    #[test]
    fn allow_list_opens_named_networks_only() {
        let g = Guard::new(&["127.0.0.1/32".into(), "10.0.0.0/8".into()]).expect("guard");
        assert!(g.check("h", "127.0.0.1".parse().expect("ip")).is_ok());
        assert!(g.check("h", "10.9.9.9".parse().expect("ip")).is_ok());
        assert!(g.check("h", "127.0.0.2".parse().expect("ip")).is_err());
        assert!(g.check("h", "::1".parse().expect("ip")).is_err());
        assert!(g
            .check("h", "169.254.169.254".parse().expect("ip"))
            .is_err());
        assert!(Guard::new(&["not an address".into()]).is_err());
    }

    #[tokio::test]
    async fn names_resolving_to_loopback_are_refused() {
        let g = Guard::default();
        let e = g.resolve("localhost").await.expect_err("refused");
        let b = e.downcast_ref::<Blocked>().expect("a Blocked error");
        assert_eq!(b.class, "loopback");
        let e = g.resolve("[::1]").await.expect_err("refused");
        assert!(e.downcast_ref::<Blocked>().is_some());
    }
}
