//! Logistic regression by stochastic gradient descent, deterministic: the examples are
//! visited in an order fixed by a seeded generator, every sum runs in the same order, and
//! the logistic function is computed without the platform's `exp` ([`crate::math`]).
//! Positive and negative examples weigh the same in total, however many there are of each.

use crate::data::{read_others, read_tsv, DataError};
use crate::features::{extract, Options};
use crate::math::sigmoid;
use crate::model::Model;
use crate::tokens::tokens;
use crate::vocab::Vocab;

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub positive: bool,
}

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// 2^bits weights.
    pub bits: u32,
    pub features: Options,
    pub epochs: u32,
    /// The step size of the first epoch; it shrinks as 1 / (1 + epoch / 2).
    pub rate: f64,
    /// L2 penalty per step, on the weights a step touches.
    pub l2: f64,
    /// How much more a positive example weighs than a negative one, after both kinds are
    /// made to weigh the same in total.
    pub positive_weight: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 17,
            features: Options::default(),
            epochs: 12,
            rate: 0.2,
            l2: 1e-4,
            // A false alarm costs a writer more than a miss: on the development sentences,
            // positives at 0.3 of the weight of negatives flag a third fewer innocent
            // sentences of other kinds of text for a few points of recall.
            positive_weight: 0.3,
        }
    }
}

/// The labelled sentences of a learned rule, gathered from its files (each a name and its
/// text, read with [`read_tsv`]), the flagged sentences of other rules' files (`others`, read
/// with [`read_others`], as sentences not to flag) and its inline `flag` and `pass`
/// sentences; `positive` are the labels that mean "flag". An error names the file (by
/// index into `files` then `others`) and the line.
pub fn gather(
    files: &[(String, String)],
    others: &[(String, String)],
    flag: &[String],
    pass: &[String],
    positive: &[&str],
) -> Result<Vec<Example>, (usize, DataError)> {
    let mut out = Vec::new();
    for (i, (_, text)) in files.iter().enumerate() {
        out.extend(read_tsv(text, positive).map_err(|e| (i, e))?);
    }
    for (i, (_, text)) in others.iter().enumerate() {
        out.extend(read_others(text).map_err(|e| (files.len() + i, e))?);
    }
    for (list, positive) in [(flag, true), (pass, false)] {
        out.extend(
            list.iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| Example {
                    text: s.trim().to_string(),
                    positive,
                }),
        );
    }
    Ok(out)
}

/// xorshift64*: a fixed sequence from a fixed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// The feature buckets of one example's text.
pub(crate) fn buckets(text: &str, vocab: &Vocab, opts: &TrainOptions) -> Vec<u32> {
    let mut toks = Vec::new();
    tokens(text, 0..text.len(), opts.features.letters, &mut toks);
    let mut feats = Vec::new();
    extract(&toks, |w| vocab.class(w), opts.features, &mut feats);
    feats
        .iter()
        .map(|f| (f.hash >> (64 - opts.bits)) as u32)
        .collect()
}

/// Trains a model on `examples` with word classes `vocab`.
pub fn train(examples: &[Example], vocab: &Vocab, opts: &TrainOptions) -> Model {
    let data: Vec<(Vec<u32>, f64)> = examples
        .iter()
        .map(|e| {
            (
                buckets(&e.text, vocab, opts),
                f64::from(u8::from(e.positive)),
            )
        })
        .collect();
    let positives = data.iter().filter(|d| d.1 > 0.5).count().max(1) as f64;
    let negatives = (data.len() as f64 - positives).max(1.0);
    let n = data.len() as f64;
    let weigh = |y: f64| {
        if y > 0.5 {
            opts.positive_weight * n / (2.0 * positives)
        } else {
            n / (2.0 * negatives)
        }
    };
    let mut w = vec![0f64; 1 << opts.bits];
    let mut bias = 0f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(0x7461_6374_6675_6c21);
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let rate = opts.rate / (1.0 + f64::from(epoch) / 2.0);
        for &k in &order {
            let (feats, y) = &data[k];
            let z = bias + feats.iter().map(|&f| w[f as usize]).sum::<f64>();
            let g = (sigmoid(z) - y) * weigh(*y);
            for &f in feats {
                let wf = &mut w[f as usize];
                *wf -= rate * (g + opts.l2 * *wf);
            }
            bias -= rate * g;
        }
    }
    let weights: Vec<f32> = w.iter().map(|&x| x as f32).collect();
    let bytes = Model::encode(opts.bits, opts.features, bias as f32, vocab, &weights);
    Model::from_bytes(bytes).expect("a model just laid out reads back")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str, positive: bool) -> Example {
        Example {
            text: text.into(),
            positive,
        }
    }

    fn data() -> Vec<Example> {
        vec![
            ex("you never replied to me", true),
            ex("still no reply from you", true),
            ex("you ignored my last email", true),
            ex("why have you not answered", true),
            ex("thank you for your time", false),
            ex("i hope you had a good weekend", false),
            ex("i would love to join the team", false),
            ex("could you share the timeline", false),
        ]
    }

    #[test]
    fn training_separates_what_it_was_taught() {
        let model = train(
            &data(),
            &Vocab::default(),
            &TrainOptions {
                bits: 12,
                ..TrainOptions::default()
            },
        );
        for e in data() {
            let s = model.explain(&e.text, 0..e.text.len()).score;
            assert_eq!(s > 0.5, e.positive, "{}: {s}", e.text);
        }
    }

    #[test]
    fn training_is_reproducible() {
        let opts = TrainOptions {
            bits: 12,
            ..TrainOptions::default()
        };
        let a = train(&data(), &Vocab::default(), &opts);
        let b = train(&data(), &Vocab::default(), &opts);
        assert_eq!(a.bytes(), b.bytes());
    }

    #[test]
    fn classes_carry_what_one_word_learned_to_the_others() {
        let never = ["never".to_string(), "seldom".to_string()];
        let vocab = Vocab::new([("neg", &never[..])]);
        let data = vec![ex("you never wrote", true), ex("you always wrote", false)];
        let opts = TrainOptions {
            bits: 12,
            ..TrainOptions::default()
        };
        let with = train(&data, &vocab, &opts);
        let without = train(&data, &Vocab::default(), &opts);
        let s = |m: &Model| m.explain("you seldom wrote", 0..16).score;
        assert!(
            s(&with) > s(&without) + 0.05,
            "{} vs {}",
            s(&with),
            s(&without)
        );
    }
}
