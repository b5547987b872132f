//! A common-indicator table (决策 / 管理 / 绩效) entered in the TUI through
//! the real event loop on a `TestBackend`: a row added and typed, its score
//! computed, the total following, and a typed score below the rule kept
//! with the rule's score named.

// The helpers run only inside tests: a missing session or table should
// fail the test loudly.
#![allow(clippy::expect_used)]

mod common;

use common::*;
use crossterm::event::KeyCode;

#[test]
fn a_common_indicator_row_is_entered_and_scored() {
    let mut h = Harness::new_project("dept-common-indicators", 120, 30);
    h.run(jump("indicators"));
    // 管理（30分） › 财务管理 › 预算执行率: ≥95% with 92%, weight 15 →
    // 15 × 92 ÷ 95 = 14.526… → 14.53. The 一级分值 cell is left blank.
    let mut events = cells("管理（30分）\t\t财务管理\t预算执行率\t≥95%\t92%\t15");
    events.push(key(KeyCode::Enter));
    h.run(events);
    let screen = h.run(vec![]).screen();
    insta::assert_snapshot!(screen);
    assert!(screen.contains("15.00 14.53"), "{screen}");
    assert!(screen.contains("总分：14.53"), "{screen}");
    // A second row typed with a score below the rule's: kept and counted,
    // the rule's score named beside it and the deduction's reason asked
    // for under the grid.
    let mut events = vec![ctrl('n')];
    events.extend(cells(
        "管理\t\t业务管理\t政府采购执行率\t=100%\t100%\t15\t14",
    ));
    events.push(key(KeyCode::Enter));
    h.run(events);
    let screen = h.run(vec![]).screen();
    assert!(screen.contains("总分：28.53"), "{screen}");
    assert!(
        screen.contains("偏差原因分析及改进措施：得分14.00低于按规则计算的15.00"),
        "{screen}"
    );
    h.run(vec![ctrl('s')]);
    let rows = &h.saved_json()["values"]["indicators"]["rows"];
    assert_eq!(rows[0]["level1"], "管理（30分）");
    assert_eq!(rows[1]["score"], "14");
}
