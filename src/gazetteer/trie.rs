//! A compact bitmap trie over characters, walked from word starts.
//!
//! Why a trie and not an Aho-Corasick automaton: every match must start at a
//! word start or right after a proclitic, so the scanner only starts a walk
//! at those positions (one in five or six characters of Arabic news) and a
//! walk dies after a few characters unless a name follows. That needs no
//! failure links. The research notes measured an overlapping automaton plus
//! a boundary filter at 90-145 MB/s; walking from word starts does the
//! boundary work by construction.
//!
//! Layout (a bitmap trie, as in HAMTs): the characters of the keys get
//! small symbol numbers, most frequent first (the 127 most frequent; the
//! rest go to a sorted overflow list). A node is a 128-bit set of the
//! symbols it has children for, the index of its first child and its value;
//! children are stored contiguously in symbol order, so a step is a bit test
//! and a popcount: one memory access, no search. The trie is built from the
//! sorted keys breadth-first, with no per-node allocation.

/// What a terminal node stores: the index of its key in the key table.
pub(crate) type Value = u32;

const NO_VALUE: Value = Value::MAX;
/// Symbols (0..SYMBOLS) get bitmap edges; other characters overflow.
const SYMBOLS: usize = 128;
/// Characters below this have their symbol in a direct table.
const TABLE: usize = 0x800;
const NO_SYMBOL: u8 = u8::MAX;

#[derive(Clone, Copy, Debug, Default)]
struct Node {
    bits: [u64; 2],
    first_child: u32,
    value: Value,
}

/// A frozen trie.
#[derive(Debug, Default)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    /// Symbol of each character below [`TABLE`] (`NO_SYMBOL`: none).
    table: Vec<u8>,
    /// Symbols of characters at or above [`TABLE`], sorted by character.
    high: Vec<(u32, u8)>,
    /// Edges along characters with no symbol: (node, char, child), sorted.
    overflow: Vec<(u32, char, u32)>,
}

impl Trie {
    /// The root node.
    pub(crate) const ROOT: u32 = 0;

    /// Builds a trie of `keys`, sorted and distinct (each key maps to its
    /// index).
    pub(crate) fn build<K: AsRef<[char]>>(keys: &[K]) -> Trie {
        let keys: Vec<&[char]> = keys.iter().map(AsRef::as_ref).collect();
        // Alphabet: the most frequent characters get symbols.
        // (Counted in an array below `TABLE`, where nearly all are.)
        let mut low = vec![0usize; TABLE];
        let mut freq: rustc_hash::FxHashMap<char, usize> = rustc_hash::FxHashMap::default();
        for k in &keys {
            for &c in k.iter() {
                match low.get_mut(c as usize) {
                    Some(n) => *n += 1,
                    None => *freq.entry(c).or_default() += 1,
                }
            }
        }
        let mut chars: Vec<(char, usize)> = freq.into_iter().collect();
        chars.extend(
            low.iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .filter_map(|(c, &n)| Some((char::from_u32(c as u32)?, n))),
        );
        chars.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut table = vec![NO_SYMBOL; TABLE];
        let mut high = Vec::new();
        for (sym, &(c, _)) in chars.iter().take(SYMBOLS).enumerate() {
            if (c as usize) < TABLE {
                table[c as usize] = sym as u8;
            } else {
                high.push((c as u32, sym as u8));
            }
        }
        high.sort_unstable();
        // One node per distinct prefix: the root, and per key the
        // characters it does not share with the key before it.
        let mut count = 1;
        let mut prev: &[char] = &[];
        for k in &keys {
            count += k.len()
                - prev
                    .iter()
                    .zip(k.iter())
                    .take_while(|(a, b)| a == b)
                    .count();
            prev = k;
        }
        let mut nodes = Vec::with_capacity(count);
        nodes.push(Node {
            value: NO_VALUE,
            ..Node::default()
        });
        let mut trie = Trie {
            nodes,
            table,
            high,
            overflow: Vec::new(),
        };
        // Built breadth-first from the keys, which are sorted: the keys
        // below a node are a range, its children the runs of equal
        // characters at its depth.
        debug_assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "keys sorted, distinct"
        );
        let mut queue = std::collections::VecDeque::new();
        queue.push_back((0u32, 0usize, keys.len(), 0usize));
        let mut groups: Vec<(Option<u8>, char, usize, usize)> = Vec::new();
        while let Some((node, mut lo, hi, depth)) = queue.pop_front() {
            // The key that ends here, if any, comes first.
            if lo < hi && keys[lo].len() == depth {
                trie.nodes[node as usize].value = lo as u32;
                lo += 1;
            }
            groups.clear();
            let mut i = lo;
            while i < hi {
                let c = keys[i][depth];
                let mut j = i + 1;
                while j < hi && keys[j][depth] == c {
                    j += 1;
                }
                groups.push((trie.symbol(c as u32), c, i, j));
                i = j;
            }
            // Children in symbol order, then the overflow characters.
            if groups.len() > 1 {
                groups.sort_unstable_by_key(|g| (g.0.is_none(), g.0, g.1));
            }
            let first = trie.nodes.len() as u32;
            trie.nodes[node as usize].first_child = first;
            for (k, &(sym, c, a, b)) in groups.iter().enumerate() {
                let child = first + k as u32;
                match sym {
                    Some(s) => {
                        trie.nodes[node as usize].bits[(s >> 6) as usize] |= 1u64 << (s & 63)
                    }
                    None => trie.overflow.push((node, c, child)),
                }
                trie.nodes.push(Node {
                    value: NO_VALUE,
                    ..Node::default()
                });
                queue.push_back((child, a, b, depth + 1));
            }
        }
        trie.overflow.sort_unstable();
        trie
    }

    #[inline(always)]
    fn symbol(&self, c: u32) -> Option<u8> {
        let s = if (c as usize) < TABLE {
            self.table[c as usize]
        } else {
            match self.high.binary_search_by_key(&c, |h| h.0) {
                Ok(i) => self.high[i].1,
                Err(_) => NO_SYMBOL,
            }
        };
        (s != NO_SYMBOL).then_some(s)
    }

    /// The child of `node` along the character (code point) `c`.
    #[inline(always)]
    pub(crate) fn step(&self, node: u32, c: u32) -> Option<u32> {
        let n = &self.nodes[node as usize];
        match self.symbol(c) {
            Some(s) => {
                let (word, bit) = ((s >> 6) as usize, s & 63);
                if n.bits[word] >> bit & 1 == 0 {
                    return None;
                }
                let below = if word == 0 {
                    (n.bits[0] & ((1u64 << bit) - 1)).count_ones()
                } else {
                    n.bits[0].count_ones() + (n.bits[1] & ((1u64 << bit) - 1)).count_ones()
                };
                Some(n.first_child + below)
            }
            None if self.overflow.is_empty() => None,
            None => self
                .overflow
                .binary_search_by(|&(a, b, _)| (a, b as u32).cmp(&(node, c)))
                .ok()
                .map(|i| self.overflow[i].2),
        }
    }

    /// The value stored at `node`, if it ends a key.
    #[inline(always)]
    pub(crate) fn value(&self, node: u32) -> Option<Value> {
        let v = self.nodes[node as usize].value;
        (v != NO_VALUE).then_some(v)
    }

    /// Bytes of heap used.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.nodes.len() * std::mem::size_of::<Node>()
            + self.table.len()
            + self.high.len() * 8
            + self.overflow.len() * 12
    }

    /// The number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn walk(t: &Trie, s: &str) -> Option<u32> {
        let mut node = Trie::ROOT;
        for c in s.chars() {
            node = t.step(node, c as u32)?;
        }
        Some(node)
    }

    #[test]
    fn insert_and_walk() {
        let mut keys = vec![chars("دير الزور"), chars("دير حافر"), chars("ḩawl")];
        keys.sort();
        let t = Trie::build(&keys);
        assert_eq!(walk(&t, "دير الزور").and_then(|n| t.value(n)), Some(0));
        assert_eq!(walk(&t, "دير حافر").and_then(|n| t.value(n)), Some(1));
        assert_eq!(walk(&t, "ḩawl").and_then(|n| t.value(n)), Some(2));
        assert_eq!(walk(&t, "دير").and_then(|n| t.value(n)), None);
        assert!(walk(&t, "دير x").is_none());
    }

    #[test]
    fn many_symbols_overflow() {
        // More distinct characters than symbols: the rare ones overflow.
        let keys: Vec<Vec<char>> = (0..300u32)
            .map(|i| vec!['a', char::from_u32(0x4E00 + i).unwrap(), 'b'])
            .collect();
        let t = Trie::build(&keys);
        for (i, k) in keys.iter().enumerate() {
            let s: String = k.iter().collect();
            assert_eq!(walk(&t, &s).and_then(|n| t.value(n)), Some(i as u32), "{s}");
        }
        assert!(walk(&t, "a\u{9fff}b").is_none());
    }
}
