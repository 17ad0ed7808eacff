//! The learned sentence layer: a sentence is cut into [`tokens`], the tokens give hashed
//! [`features`] (words, word pairs, word classes, letter groups), and a logistic
//! regression [`Model`] weighs them. Training ([`train`]) is deterministic: the same
//! sentences in the same order give the same weights, bit for bit, on every machine, so
//! the weights a build ships can be checked against the data they came from.
//!
//! The same code trains the built-in models when tactful is built and a user's model when
//! their pack loads; a run reads a built-in model's weights in place, from the bytes the
//! build wrote.

mod data;
pub mod features;
mod math;
mod model;
pub mod tokens;
mod train;
mod vocab;

pub use data::{read_others, read_tsv, DataError};
pub use features::{Feature, Options};
pub use model::{threshold_logit, Explained, Model, Weights, FORMAT_VERSION};
pub use tokens::Token;
pub use train::{gather, train, Example, TrainOptions};
pub use vocab::{class_hash, Vocab};
