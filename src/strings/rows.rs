//! `ziping set --delete-row` and `--move-row` refused.

use crate::lang::Lang;
use crate::model::row_path::RowRefusal;

/// Why a row operation was refused, with what to write instead.
pub fn row_refusal(refusal: &RowRefusal, lang: Lang) -> String {
    match (refusal, lang) {
        (RowRefusal::NotARowPath(path), Lang::Zh) => {
            format!("“{path}”不是行的路径：行的路径为表格名和行号，如 indicators.3")
        }
        (RowRefusal::NotARowPath(path), Lang::En) => format!(
            "\"{path}\" is not a row's path: a row is named by its table and number, as in indicators.3"
        ),
        (RowRefusal::NoSuchTable(id), Lang::Zh) => {
            format!("没有名为“{id}”的表格；用 ziping fields 文件 查看所有路径")
        }
        (RowRefusal::NoSuchTable(id), Lang::En) => {
            format!("There is no table \"{id}\"; ziping fields FILE lists every path")
        }
        (RowRefusal::NotATable(id), Lang::Zh) => format!("“{id}”不是表格，没有行"),
        (RowRefusal::NotATable(id), Lang::En) => format!("\"{id}\" is not a table: it has no rows"),
        (RowRefusal::FixedRows(id), Lang::Zh) => {
            format!("表格“{id}”的行是固定的，不能删除或移动")
        }
        (RowRefusal::FixedRows(id), Lang::En) => {
            format!("The rows of table \"{id}\" are fixed: they cannot be deleted or moved")
        }
        (RowRefusal::NoSuchRow { table, row, count }, Lang::Zh) => match count {
            0 => format!("表格“{table}”还没有行，没有第“{row}”行"),
            n => format!("表格“{table}”现有{n}行，没有第“{row}”行，行号应为1至{n}"),
        },
        (RowRefusal::NoSuchRow { table, row, count }, Lang::En) => match count {
            0 => format!("Table \"{table}\" has no rows yet, so no row \"{row}\""),
            n => format!("Table \"{table}\" has {n} rows, not a row \"{row}\": give 1 to {n}"),
        },
        (RowRefusal::NoSuchPlace { table, to, count }, Lang::Zh) => {
            format!("无法移到第“{to}”行：表格“{table}”现有{count}行，目标行号应为1至{count}")
        }
        (RowRefusal::NoSuchPlace { table, to, count }, Lang::En) => format!(
            "Cannot move to row \"{to}\": table \"{table}\" has {count} rows, so give 1 to {count}"
        ),
        (RowRefusal::Unreadable(id), Lang::Zh) => {
            format!("表格“{id}”在文件中的内容无法读取（已原样保留），请先在编辑器中查看并修正")
        }
        (RowRefusal::Unreadable(id), Lang::En) => format!(
            "Table \"{id}\" cannot be read from the file (it is kept as it is): look at it in the editor first"
        ),
    }
}
