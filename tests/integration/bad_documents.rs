//! The corpus of bad documents every front door must refuse alike
//! (`tests/bad_documents.json`, read by the command's and the Python
//! package's tests too): here through the library's `run_json`, each with
//! its error kind, the path of the leaf that is wrong, and where the case
//! gives one, what its message says.

use overdue::jobs::{run_json, JobOptions};
use overdue::Error;
use serde_json::Value;

#[test]
fn every_bad_document_is_refused_with_its_kind_and_path() {
    let corpus: Value = serde_json::from_str(include_str!("../bad_documents.json")).unwrap();
    let cases = corpus["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let job = case["job"].as_str().unwrap();
        let document = case["document"].as_str().unwrap();
        let err = run_json(job, document, &JobOptions::new()).expect_err(name);
        assert_eq!(err.kind(), case["kind"].as_str().unwrap(), "{name}: {err}");
        let path = match &err {
            Error::Json { path, .. } => Some(path.as_str()),
            _ => None,
        };
        assert_eq!(path, case["path"].as_str(), "{name}: {err}");
        if let Some(message) = case["message"].as_str() {
            assert!(err.to_string().contains(message), "{name}: {err}");
        }
    }
}
