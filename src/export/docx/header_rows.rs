//! Header rows that Word repeats at the top of each page a table runs onto
//! (`<w:tblHeader/>`, 标题行重复). docx-rs 0.4 writes row properties
//! without it, so it is added to the document's XML after docx-rs built it.

/// The document XML with the first `counts[t]` rows of its `t`-th table
/// marked as header rows. Every row ziping writes has a `<w:trPr>` (rows
/// are kept on one page) and tables are never nested, so the rows of table
/// `t` are the `</w:trPr>`s between its `<w:tbl>` and the next one.
pub fn mark(document: &str, counts: &[usize]) -> String {
    let mut parts = document.split("<w:tbl>");
    let mut out = String::with_capacity(document.len() + 16 * counts.iter().sum::<usize>());
    out.push_str(parts.next().unwrap_or_default());
    for (n, table) in parts.enumerate() {
        out.push_str("<w:tbl>");
        let mut rest = table;
        for _ in 0..counts.get(n).copied().unwrap_or(0) {
            let Some(end) = rest.find("</w:trPr>") else {
                break;
            };
            out.push_str(&rest[..end]);
            out.push_str("<w:tblHeader />");
            rest = &rest[end..];
            // Past this row's `</w:trPr>`, so the next is the next row's.
            let close = "</w:trPr>".len();
            out.push_str(&rest[..close]);
            rest = &rest[close..];
        }
        out.push_str(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mark;

    fn row(n: u32) -> String {
        format!("<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc>{n}</w:tc></w:tr>")
    }

    #[test]
    fn only_the_leading_rows_of_each_table_are_marked() {
        let table =
            |rows: u32| format!("<w:tbl>{}</w:tbl>", (1..=rows).map(row).collect::<String>());
        let doc = format!("<w:body><w:p/>{}<w:p/>{}</w:body>", table(3), table(2));
        let out = mark(&doc, &[2, 1]);
        let marked = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";
        assert_eq!(out.matches(marked).count(), 3);
        let tables: Vec<&str> = out.split("<w:tbl>").skip(1).collect();
        assert_eq!(tables[0].matches(marked).count(), 2);
        assert!(tables[0].rfind(marked) < tables[0].find("<w:tc>3"));
        assert_eq!(tables[1].matches(marked).count(), 1);
        assert!(tables[1].find(marked) < tables[1].find("<w:tc>1"));
        assert_eq!(
            out.replace("<w:tblHeader />", ""),
            doc,
            "nothing else changes"
        );
    }

    #[test]
    fn more_header_rows_than_rows_or_no_tables_change_nothing_else() {
        assert_eq!(
            mark("<w:body><w:p/></w:body>", &[1]),
            "<w:body><w:p/></w:body>"
        );
        let doc = format!("<w:tbl>{}</w:tbl>", row(1));
        assert_eq!(mark(&doc, &[5]).matches("<w:tblHeader />").count(), 1);
    }
}
