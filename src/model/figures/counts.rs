//! Counts in prose checked against what they count: a count followed by
//! the things it counts (`共15个项目：…`, `10个乡镇，分别是…`) against the
//! list that follows, and a total (`8个……8个……共15个`) against its parts.

use rust_decimal::Decimal;

use super::scan::Quantity;
use crate::model::reading::units::convert;

/// What introduces the list a count counts, right after the counted
/// noun (`10个股级职能组室，分别是`).
const LIST_MARKS: &[&str] = &["，分别是", "，分别为", "，分别有", "，包括", "，即", "："];

/// Words right before a total.
const TOTALS: &[&str] = &["共计", "合计", "总计", "总共", "一共", "共"];

/// Counts whose list has another number of items: (figure, items listed).
pub fn listed(text: &str, all: &[Quantity]) -> Vec<(usize, usize)> {
    all.iter()
        .enumerate()
        .filter(|(_, q)| is_count(q))
        .filter_map(|(i, q)| {
            let items = list_after(text, q)?;
            let count = usize::try_from(q.value.mantissa()).ok()?;
            (items != count).then_some((i, items))
        })
        .collect()
}

/// A whole count of things (not an amount, a share or a hedged figure).
fn is_count(q: &Quantity) -> bool {
    q.approx.is_none()
        && q.value.scale() == 0
        && !q.unit.contains('%')
        && !q.unit.contains('元')
        && !q.unit.contains('万')
        && !q.unit.contains('亿')
}

/// The items of the list introduced right after `q`, if one is.
fn list_after(text: &str, q: &Quantity) -> Option<usize> {
    let after = &text[q.span.end..q.sentence.end];
    // The counted noun runs up to the first punctuation.
    let noun_end = after
        .find(|c: char| !(c.is_alphanumeric() || c == '（' || c == '）'))
        .unwrap_or(after.len());
    let noun = &after[..noun_end];
    if noun.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = &after[noun_end..];
    let mark = LIST_MARKS.iter().find(|m| rest.starts_with(**m))?;
    let list = &rest[mark.len()..];
    // A list ends at the clause's 。 or ；; after a colon, items may be
    // separated by ；, the list then ending at the sentence's end.
    let by_semicolon = *mark == "：" && top_level(list).any(|(_, c)| c == '；');
    let end = top_level(list)
        .find(|&(_, c)| (c == '；' && !by_semicolon) || c == '。')
        .map_or(list.len(), |(i, _)| i);
    let list = list[..end].trim_end_matches(['，', ' ']);
    // 等 leaves the list open: nothing to count against.
    if list.ends_with('等') || list.contains("等等") {
        return None;
    }
    let sep = if by_semicolon { '；' } else { '、' };
    let items = 1 + top_level(list).filter(|&(_, c)| c == sep).count();
    (items >= 2).then_some(items)
}

/// The characters of `text` outside brackets and quotes, with their byte
/// offsets. An unbalanced closer (a typo) is passed over.
fn top_level(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    text.char_indices().filter(move |&(_, c)| match c {
        '（' | '(' | '“' | '《' | '「' => {
            depth += 1;
            false
        }
        '）' | ')' | '”' | '》' | '」' => {
            depth = depth.saturating_sub(1);
            false
        }
        _ => depth == 0,
    })
}

/// Totals that are not the sum of their parts: (the total, its parts,
/// what they add up to in the total's unit).
pub fn sums(text: &str, all: &[Quantity]) -> Vec<(usize, Vec<usize>, Decimal)> {
    let mut found = Vec::new();
    for (i, q) in all.iter().enumerate() {
        let before = &text[q.sentence.start..q.span.start];
        if q.approx.is_some() || !TOTALS.iter().any(|t| before.ends_with(t)) {
            continue;
        }
        let parts: Vec<usize> = (0..i)
            .filter(|&j| {
                let p = &all[j];
                p.sentence == q.sentence
                    && convert(Decimal::ONE, &p.unit, &q.unit).is_some()
                    && !TOTALS.iter().any(|t| text[..p.span.start].ends_with(t))
            })
            .collect();
        if parts.len() < 2 || parts.iter().any(|&j| all[j].approx.is_some()) {
            continue;
        }
        let sum = parts.iter().try_fold(Decimal::ZERO, |acc, &j| {
            convert(all[j].value, &all[j].unit, &q.unit).and_then(|v| acc.checked_add(v))
        });
        if let Some(sum) = sum
            && sum != q.value
        {
            found.push((i, parts, sum));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::scan::quantities;
    use super::*;

    fn listed_in(text: &str) -> Vec<(String, usize)> {
        let all = quantities(text);
        listed(text, &all)
            .into_iter()
            .map(|(i, n)| (text[all[i].span.clone()].to_string(), n))
            .collect()
    }

    fn sums_in(text: &str) -> Vec<String> {
        let all = quantities(text);
        sums(text, &all)
            .into_iter()
            .map(|(i, _, _)| text[all[i].span.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_count_is_checked_against_the_list_it_introduces() {
        let seed = "中共常宁市委组织部单位内设机构包括：10个股级职能组室，分别是办公室（政策研究室）、组织组（市党代表大会代表联络工作办公室）、干部组（加挂“市领导干部公开选拔考试中心”牌子））、干部监督组（举报中心）、干部教育组、人才工作组、公务员管理办公室、考核评价办公室（考核办）、老干部工作办公室、驻村事务中心；下设事业机构2个，分别是党员教育中心（副科级参公事业单位）、党建先锋网站。";
        assert_eq!(listed_in(seed), Vec::<(String, usize)>::new());
        let short = "辖10个乡镇，分别是宜阳、泉峰、培元、宜潭、盐湖、西岭、柏坊、罗桥、庙前。";
        assert_eq!(listed_in(short), vec![("10个".to_string(), 9)]);
        let colon = "共3个项目：一是党员培训；二是村级活动场所建设。";
        assert_eq!(listed_in(colon), vec![("3个".to_string(), 2)]);
        let open = "共5个单位：组织部、宣传部等。";
        assert_eq!(listed_in(open), Vec::<(String, usize)>::new());
        let not_a_list = "开展活动2200次，推动精神落地生根。";
        assert_eq!(listed_in(not_a_list), Vec::<(String, usize)>::new());
    }

    #[test]
    fn a_total_is_checked_against_its_parts() {
        assert_eq!(sums_in("城区8个，乡镇8个，共15个。"), vec!["15个"]);
        assert_eq!(sums_in("城区8个，乡镇7个，共15个。"), Vec::<String>::new());
        // 共 before the parts introduces them; it is no total.
        assert_eq!(
            sums_in("共增补市人大代表5人、市政协委员13人。"),
            Vec::<String>::new()
        );
        // Parts in another sentence, or hedged, are not added up.
        assert_eq!(sums_in("城区8个。乡镇8个，共15个。"), Vec::<String>::new());
        assert_eq!(
            sums_in("城区8余个，乡镇8个，共15个。"),
            Vec::<String>::new()
        );
    }
}
