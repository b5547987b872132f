//! How an indicator table's targets and actual values are read
//! (`"reading"` in a table's declaration; see `docs/templates.md`): which
//! columns hold them (one 年度指标值 cell, or the split 指标性质 | 指标值 |
//! 度量单位 layout), the comparator a bare target (`100%`) is read with per
//! 二级指标, the 指标方向 column that flips it, and the words the template
//! adds to the vocabulary of qualitative tiers.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingSpec {
    /// The one column holding a whole target (`≥50个`); a `comparator`
    /// column. Exactly one of `target` and `split` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The split layout: the target is made of three columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<SplitColumns>,
    /// The column of actual values (实际完成值), a `text` column.
    pub actual: String,
    /// The column whose value picks a bare target's comparator from
    /// `defaults` (二级指标).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The comparator of a bare target whose `by` value is not in
    /// `defaults`: `≥` unless given.
    #[serde(default = "at_least", skip_serializing_if = "is_at_least")]
    pub default: String,
    /// A `by` value (成本指标) and the comparator its bare targets get.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub defaults: IndexMap<String, String>,
    /// A column (指标方向) whose value `反向` flips a bare target's
    /// comparator (`≥` becomes `≤`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// Words added to the built-in vocabulary, by tier name (达成, 基本达成,
    /// 部分达成, 未达成).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub tiers: IndexMap<String, Vec<String>>,
    /// A 三级指标 as typed and other words prose calls it by (培训党员人次:
    /// 轮训党员), for linking a figure in prose to the row's 实际完成值.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub aliases: IndexMap<String, Vec<String>>,
}

/// 指标性质 (定量/定性) | 指标值 | 度量单位: the column ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitColumns {
    /// 定性 makes the 指标值 words; anything else reads it as a figure.
    pub nature: String,
    pub value: String,
    pub unit: String,
}

fn at_least() -> String {
    "≥".to_string()
}

fn is_at_least(op: &String) -> bool {
    op == "≥"
}

/// The name formulas see the target by in the split layout (in the
/// one-cell layout, the target column's id), and the map of how the
/// actual value was read.
pub const SPLIT_TARGET_NAME: &str = "target";
pub const READ_NAME: &str = "read";

impl ReadingSpec {
    /// The columns the reading names, with their JSON keys.
    pub fn columns(&self) -> Vec<(String, &str)> {
        let mut out = vec![("actual".to_string(), self.actual.as_str())];
        if let Some(target) = &self.target {
            out.push(("target".into(), target));
        }
        if let Some(split) = &self.split {
            out.push(("split.nature".into(), &split.nature));
            out.push(("split.value".into(), &split.value));
            out.push(("split.unit".into(), &split.unit));
        }
        if let Some(by) = &self.by {
            out.push(("by".into(), by));
        }
        if let Some(direction) = &self.direction {
            out.push(("direction".into(), direction));
        }
        out
    }

    /// Names a row's formulas and checks see besides the columns.
    pub fn names(&self) -> Vec<&'static str> {
        let mut names = vec![READ_NAME];
        if self.split.is_some() {
            names.push(SPLIT_TARGET_NAME);
        }
        names
    }
}
