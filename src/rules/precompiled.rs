//! The phrases of the built-in packs, compiled when tactful is built (by `build.rs`, with
//! the same compiler, [`tactful_phrase`]): for each phrase as written in a pack, its
//! anchors, its bound on spaces and its serialized DFA. Loading the built-in packs then
//! compiles no phrase, and a DFA is read from the binary only when a draft needs it.

/// One phrase compiled ahead of time.
#[derive(Debug)]
pub struct Entry {
    /// The phrase as written in its pack.
    pub text: &'static str,
    /// The set of literals that anchors the phrase (see [`set`]).
    pub anchors: u32,
    /// The sets of literals of its other required items.
    pub others: std::ops::Range<u32>,
    pub spaces: usize,
    pub lead: usize,
    /// The bytes a match can start with (see [`tactful_phrase::first_bytes`]).
    pub first: [u64; 4],
    /// The DFA, serialized in the target's byte order.
    pub dfa: Shipped,
}

/// A built-in rule's phrases and antipatterns as written in its pack, each with the index
/// of its [`Entry`] (`u32::MAX` for one the build could not compile, which a run compiles
/// and reports).
#[derive(Debug)]
pub struct ShippedRule {
    pub id: &'static str,
    pub phrases: &'static [(&'static str, u32)],
    pub unless: &'static [(&'static str, u32)],
}

/// The phrases and antipatterns of the built-in rule `id`.
pub fn rule(id: &str) -> Option<&'static ShippedRule> {
    RULES
        .binary_search_by(|r| r.id.cmp(id))
        .ok()
        .map(|i| &RULES[i])
}

/// The entry of a phrase of [`ShippedRule`], if the build compiled it.
pub fn entry(index: u32) -> Option<&'static Entry> {
    ENTRIES.get(index as usize)
}

/// A serialized DFA: sparse, or dense for the few whose sparse form is large, since a
/// dense DFA loads in time linear in its size and a sparse one does not.
#[derive(Debug, Clone, Copy)]
pub enum Shipped {
    Sparse(&'static [u8]),
    /// Aligned to 4 bytes, as a dense DFA must be.
    Dense(&'static [u8]),
}

/// A shipped DFA, read in place.
pub enum Loaded {
    Sparse(regex_automata::dfa::sparse::DFA<&'static [u8]>),
    Dense(regex_automata::dfa::dense::DFA<&'static [u32]>),
}

impl Shipped {
    /// Reads the DFA in place, without the validation of every transition that
    /// `from_bytes` does (for a sparse DFA, it costs more than the scan that needs it).
    #[allow(unsafe_code)]
    pub fn load(self) -> Result<Loaded, regex_automata::util::wire::DeserializeError> {
        // SAFETY: the bytes are what `build.rs` serialized, in this target's byte order,
        // with the `regex-automata` this binary links (Cargo.lock holds one version for
        // the build script and the binary), and `entries_match_the_compiler` reads every
        // one of them back with the validating `from_bytes`. The header, its version and
        // the alignment are still checked here.
        Ok(match self {
            Shipped::Sparse(b) => Loaded::Sparse(
                unsafe { regex_automata::dfa::sparse::DFA::from_bytes_unchecked(b) }?.0,
            ),
            Shipped::Dense(b) => Loaded::Dense(
                unsafe { regex_automata::dfa::dense::DFA::from_bytes_unchecked(b) }?.0,
            ),
        })
    }
}

/// Bytes included with the alignment of a `u32`.
#[repr(C)]
pub struct Aligned<B: ?Sized> {
    pub _align: [u32; 0],
    pub bytes: B,
}

// `ENTRIES: &[Entry]`, sorted by `text`.
include!(concat!(env!("OUT_DIR"), "/phrases.rs"));

/// The literals of set `k` of [`Entry::anchors`] and [`Entry::others`], by number (see
/// [`literals`]).
pub fn set(k: u32) -> &'static [u16] {
    let k = k as usize;
    let from = if k == 0 { 0 } else { SET_ENDS[k - 1] as usize };
    &LITERAL_IDS[from..SET_ENDS[k] as usize]
}

/// Every literal of every built-in phrase, each mapped to its number, as an FST read in
/// place (built by `build.rs`, numbered in byte order).
pub fn literals() -> fst::raw::Fst<&'static [u8]> {
    fst::raw::Fst::new(LITERALS).expect("build.rs wrote a valid FST")
}

/// The phrase compiled ahead of time for `text`, if any.
pub fn lookup(text: &str) -> Option<&'static Entry> {
    ENTRIES
        .binary_search_by(|e| e.text.cmp(text))
        .ok()
        .map(|i| &ENTRIES[i])
}

// `MODELS: &[(&str, &[u8])]`: each built-in learned rule's id and its trained model.
include!(concat!(env!("OUT_DIR"), "/models.rs"));

/// The model trained when tactful was built for the built-in learned rule `id`.
pub fn model(id: &str) -> Option<&'static [u8]> {
    MODELS.iter().find(|m| m.0 == id).map(|m| m.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What was built ahead of time is what the compiler gives now.
    #[test]
    fn entries_match_the_compiler() {
        assert!(ENTRIES.len() > 100, "{} phrases", ENTRIES.len());
        // Each literal's text, by number: the FST's keys are numbered in order.
        let map = fst::Map::from(literals());
        let names: Vec<String> = map
            .stream()
            .into_str_vec()
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, (k, v))| {
                assert_eq!(v, i as u64, "{k}");
                k
            })
            .collect();
        let mut dense = 0;
        for e in ENTRIES {
            let c = tactful_phrase::compile(e.text).unwrap();
            let text = |k: u32| -> Vec<String> {
                set(k)
                    .iter()
                    .map(|&i| names[usize::from(i)].clone())
                    .collect()
            };
            assert_eq!(c.anchors, text(e.anchors), "{}", e.text);
            let others: Vec<Vec<String>> = e.others.clone().map(text).collect();
            assert_eq!(c.others, others, "{}", e.text);
            assert_eq!(c.spaces, e.spaces, "{}", e.text);
            assert_eq!(c.lead, e.lead, "{}", e.text);
            let first = match e.dfa {
                Shipped::Sparse(bytes) => {
                    let (dfa, read) = regex_automata::dfa::sparse::DFA::from_bytes(bytes)
                        .unwrap_or_else(|err| panic!("{}: {err}", e.text));
                    assert_eq!(read, bytes.len());
                    tactful_phrase::first_bytes(&dfa)
                }
                Shipped::Dense(bytes) => {
                    let (dfa, read) = regex_automata::dfa::dense::DFA::from_bytes(bytes)
                        .unwrap_or_else(|err| panic!("{}: {err}", e.text));
                    assert_eq!(read, bytes.len());
                    dense += 1;
                    tactful_phrase::first_bytes(&dfa)
                }
            };
            assert_eq!(first, e.first, "{}", e.text);
        }
        assert!(dense > 0 && dense < ENTRIES.len() / 4, "{dense} dense DFAs");
    }
}
