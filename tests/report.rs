//! The mission report on the demo workspace: the figures a funder reads, an HTML page that is
//! self-contained and escapes what people typed, and a PDF that holds the mission's title.

mod common;

use std::process::Command;

use ponte::report::{self, Count, ReportFormat};
use ponte::{missions, Store};

fn osaka(store: &Store) -> String {
    store
        .read(|c| missions::resolve(c, "osaka"))
        .expect("osaka")
        .id
}

fn counts(bars: &[Count]) -> Vec<(&str, i64)> {
    bars.iter().map(|b| (b.key.as_str(), b.count)).collect()
}

#[test]
fn the_osaka_report_counts_what_the_demo_holds() {
    let ws = common::demo();
    let id = osaka(&ws.store);
    let r = ws
        .store
        .read(|c| report::of_mission(c, &id, "en"))
        .expect("report");
    let f = &r.figures;
    assert_eq!(
        (
            f.members,
            f.meetings_held,
            f.meetings_planned,
            f.meetings_cancelled
        ),
        (5, 7, 0, 0)
    );
    assert_eq!(
        (f.stakeholders_met, f.organisations_met, f.countries),
        (9, 9, 2),
        "Tanaka, met twice, counts once"
    );
    assert_eq!((f.follow_ups_open, f.follow_ups_done), (3, 0));
    assert_eq!(r.objectives.len(), 3);
    assert_eq!(
        counts(&r.delegation_by_kind),
        [
            ("hospital", 2),
            ("association", 1),
            ("foundation", 1),
            ("large_company", 1)
        ]
    );
    assert_eq!(
        counts(&r.meetings_by_kind),
        [
            ("site_visit", 3),
            ("b2b", 2),
            ("forum", 1),
            ("networking", 1)
        ]
    );
    assert_eq!(
        counts(&r.meetings_by_day),
        [
            ("2025-07-07", 1),
            ("2025-07-08", 2),
            ("2025-07-09", 2),
            ("2025-07-10", 2)
        ]
    );
    let by_member: Vec<(&str, i64)> = r
        .meetings_by_member
        .iter()
        .map(|b| (b.label.as_str(), b.count))
        .collect();
    assert_eq!(
        by_member,
        [
            ("Fondazione Hub Innovazione Trentino (HIT)", 5),
            ("Cluster lombardo scienze della vita", 4),
            ("IRCCS Istituto Cardiologico Monzino", 3),
            ("Bracco", 0),
            ("Centro Diagnostico Italiano", 0),
        ]
    );
    assert_eq!(counts(&r.stakeholders_by_country), [("JP", 8), ("IT", 1)]);
    assert_eq!(
        r.stakeholders_by_organisation_kind
            .iter()
            .map(|b| b.count)
            .sum::<i64>(),
        9
    );
    assert_eq!(
        counts(&r.interest),
        [("hot", 3), ("warm", 3), ("cold", 0), ("", 1)]
    );
    assert_eq!(r.outcomes.len(), 4, "meetings held with an outcome");
    assert!(r
        .outcomes
        .iter()
        .any(|o| o.outcome == "Accordo di partnership da avviare."));
    assert_eq!(r.programme.len(), 4);
    assert_eq!(r.partners.len(), 4);
    let occi = r
        .stakeholders
        .iter()
        .find(|s| s.organisation.contains("OCCI"))
        .expect("OCCI");
    assert_eq!(occi.contacts, ["田中 浩"]);

    // Italian labels for an Italian funder.
    let it = ws
        .store
        .read(|c| report::of_mission(c, &id, "it"))
        .expect("report");
    assert!(it.meetings_by_kind.iter().any(|b| b.label == "Visita"));
}

#[test]
fn the_html_report_is_self_contained_and_prints_markup_as_text() {
    let ws = common::demo();
    let id = osaka(&ws.store);
    ws.store
        .write(|tx| {
            tx.execute("UPDATE contacts SET first_name = '<img src=x onerror=alert(1)>' WHERE last_name = 'Sato'", [])?;
            tx.execute("UPDATE meetings SET title = 'NCVC <script>alert(1)</script>' WHERE title LIKE '%NCVC%'", [])?;
            tx.execute("UPDATE missions SET objectives = objectives || char(10) || '\"><svg onload=alert(1)>' WHERE id = ?1", [&id])?;
            Ok(())
        })
        .expect("rename");
    let html = String::from_utf8(
        ws.store
            .read(|c| report::render(c, &id, "it", ReportFormat::Html))
            .expect("html"),
    )
    .expect("utf-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in [
        "<img",
        "<script",
        "<svg onload",
        "<link",
        "<iframe",
        "://",
        "src=\"",
        "url(",
    ] {
        assert!(!html.contains(forbidden), "the page holds {forbidden:?}");
    }
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the name prints as text"
    );
    assert!(html.contains("NCVC &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"));
    assert_eq!(
        html.matches("<style>").count(),
        1,
        "all CSS inline in one style element"
    );
    assert!(
        html.matches("<svg class=\"chart\"").count() >= 8,
        "bar charts and the timeline are inline SVG"
    );
    assert!(html.contains("Japan Health Expo 2025 — Osaka"));
    assert!(html.contains("Stakeholder incontrati"));
}

#[test]
fn the_pdf_report_is_a_pdf_that_holds_the_mission_title_and_japanese_names() {
    let ws = common::demo();
    let id = osaka(&ws.store);
    let pdf = match ws
        .store
        .read(|c| report::render(c, &id, "en", ReportFormat::Pdf))
    {
        Ok(bytes) => bytes,
        Err(ponte::Error::NoFont { .. }) => {
            panic!("no font covers Italian and Japanese: apt-get install -y fonts-noto-cjk")
        }
        Err(e) => panic!("pdf: {e}"),
    };
    assert!(pdf.starts_with(b"%PDF"), "a PDF file");
    let path = ws.dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed: apt-get install -y poppler-utils");
    assert!(
        out.status.success(),
        "pdftotext refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Japan Health Expo 2025 — Osaka"),
        "title missing from:\n{text}"
    );
    assert!(text.contains("田中 浩"), "Japanese names print");
    assert!(text.contains("società longeve"), "Italian accents print");
}

#[test]
fn report_file_names_and_formats_follow_the_mission_and_the_extension() {
    let ws = common::demo();
    let id = osaka(&ws.store);
    assert_eq!(
        ws.store
            .read(|c| report::file_name(c, &id, ReportFormat::Pdf))
            .expect("name"),
        "japan-health-expo-2025-osaka-report.pdf"
    );
    assert_eq!(
        ReportFormat::from_path(std::path::Path::new("x/Report.HTML")),
        Some(ReportFormat::Html)
    );
    assert_eq!(
        ReportFormat::from_path(std::path::Path::new("x.docx")),
        None
    );
}

#[test]
fn a_mission_with_nothing_held_still_reports() {
    let ws = common::empty();
    let id = ws
        .store
        .write(|tx| {
            missions::create(
                tx,
                &missions::MissionInput {
                    title: "Empty".into(),
                    time_zone: "Europe/Rome".into(),
                    starts_on: "2026-01-01".into(),
                    ends_on: "2026-01-02".into(),
                    ..Default::default()
                },
            )
        })
        .expect("mission")
        .id;
    let r = ws
        .store
        .read(|c| report::of_mission(c, &id, "en"))
        .expect("report");
    assert_eq!(r.figures, report::Figures::default());
    let html = report::html(&r);
    assert!(html.contains("None."));
    let pdf = ws
        .store
        .read(|c| report::render(c, &id, "en", ReportFormat::Pdf))
        .expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
}
