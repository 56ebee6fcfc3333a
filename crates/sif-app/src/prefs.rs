//! Preferences: the language, recent files and window size. They live in eframe's storage,
//! never in the fund file, and load leniently: a field that cannot be read takes its default
//! and the others are kept, so one bad value (or a field from a newer Sif) never loses the rest.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// The key under which the preferences are kept in eframe's storage.
pub const STORAGE_KEY: &str = "sif.preferences";

/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub language: Lang,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The window's inner size in points, as it was last.
    pub window_size: Option<[f32; 2]>,
    /// Use Sif's own file dialog (`Some(true)`), the system's (`Some(false)`), or decide by
    /// whether the system can show one (`None`, the default).
    pub own_file_dialog: Option<bool>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            language: Lang::Sv,
            recent: Vec::new(),
            window_size: None,
            own_file_dialog: None,
        }
    }
}

impl Preferences {
    /// Read preferences from their stored JSON text, field by field.
    pub fn from_json(text: &str) -> Preferences {
        let mut prefs = Preferences::default();
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text)
        else {
            return prefs;
        };
        if let Some(v) = map.get("language").cloned()
            && let Ok(lang) = serde_json::from_value(v)
        {
            prefs.language = lang;
        }
        if let Some(serde_json::Value::Array(items)) = map.get("recent") {
            // Each entry on its own, so one bad entry does not drop the list.
            prefs.recent = items
                .iter()
                .filter_map(|v| v.as_str().map(PathBuf::from))
                .take(RECENT_LIMIT)
                .collect();
        }
        if let Some(v) = map.get("window_size").cloned()
            && let Ok(Some([w, h])) = serde_json::from_value::<Option<[f32; 2]>>(v)
            && w.is_finite()
            && h.is_finite()
            && w >= 200.0
            && h >= 150.0
        {
            prefs.window_size = Some([w, h]);
        }
        if let Some(serde_json::Value::Bool(b)) = map.get("own_file_dialog") {
            prefs.own_file_dialog = Some(*b);
        }
        prefs
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn load(storage: Option<&dyn eframe::Storage>) -> Preferences {
        storage
            .and_then(|s| s.get_string(STORAGE_KEY))
            .map(|t| Preferences::from_json(&t))
            .unwrap_or_default()
    }

    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.to_json());
    }

    /// Put a file first in the recent list.
    pub fn note_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// The file to open at start: the most recent one that still exists.
    pub fn last_file(&self) -> Option<&Path> {
        self.recent
            .iter()
            .map(PathBuf::as_path)
            .find(|p| p.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_field_keeps_the_others() {
        let p = Preferences::from_json(
            r#"{"language":"Klingon","recent":["/a.ron", 7, "/b.ron"],"window_size":[1000,700],"future":1}"#,
        );
        assert_eq!(p.language, Lang::Sv);
        assert_eq!(
            p.recent,
            vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]
        );
        assert_eq!(p.window_size, Some([1000.0, 700.0]));
        assert_eq!(Preferences::from_json("not json"), Preferences::default());
        let q = Preferences {
            language: Lang::En,
            ..p
        };
        assert_eq!(Preferences::from_json(&q.to_json()), q);
    }
}
