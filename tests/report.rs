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

/// The demo workspace, the Osaka mission's id and its report in `language`.
fn osaka_report(language: &str) -> (common::Workspace, String, report::Report) {
    let ws = common::demo();
    let id = osaka(&ws.store);
    let r = ws
        .store
        .read(|c| report::of_mission(c, &id, language))
        .expect("report");
    (ws, id, r)
}

fn counts(bars: &[Count]) -> Vec<(&str, i64)> {
    bars.iter().map(|b| (b.key.as_str(), b.count)).collect()
}

/// The text of a PDF as pdftotext reads it.
fn pdf_text(ws: &common::Workspace, pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF"), "a PDF file");
    let path = ws.dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("write");
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn render_pdf(ws: &common::Workspace, id: &str, language: &str) -> Vec<u8> {
    match ws
        .store
        .read(|c| report::render(c, id, language, ReportFormat::Pdf))
    {
        Ok(bytes) => bytes,
        Err(ponte::Error::NoFont { .. }) => {
            panic!("no font covers Italian and Japanese: apt-get install -y fonts-noto-cjk")
        }
        Err(e) => panic!("pdf: {e}"),
    }
}

#[test]
fn the_osaka_report_counts_what_the_demo_holds() {
    let (ws, id, r) = osaka_report("en");
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
    assert_eq!(f.agreements_started, 2, "with NCVC and with OCCI");
    assert_eq!(counts(&r.agreements_by_kind), [("mou", 1), ("research", 1)]);
    let occi = r
        .agreements
        .iter()
        .find(|a| a.meeting_title.contains("OCCI"))
        .expect("the OCCI agreement");
    assert_eq!(occi.kind, Some(ponte::meetings::AgreementKind::Mou));
    assert_eq!(occi.date, "2025-07-10");
    assert_eq!(occi.delegates, ["Chiara Colombo"]);
    assert_eq!(occi.members, ["Cluster lombardo scienze della vita"]);
    assert_eq!(occi.contacts, ["田中 浩"]);
    assert_eq!(
        occi.organisations,
        ["Osaka Chamber of Commerce and Industry (OCCI)"]
    );
    // The timeline: every day of the mission, the free Friday too, hours 08–18.
    let days: Vec<(&str, &str, usize)> = r
        .timeline
        .days
        .iter()
        .map(|d| (d.date.as_str(), d.label.as_str(), d.blocks.len()))
        .collect();
    assert_eq!(
        days,
        [
            ("2025-07-07", "Mon 7 Jul", 1),
            ("2025-07-08", "Tue 8 Jul", 2),
            ("2025-07-09", "Wed 9 Jul", 2),
            ("2025-07-10", "Thu 10 Jul", 2),
            ("2025-07-11", "Fri 11 Jul", 0)
        ]
    );
    assert_eq!((r.timeline.first_minute, r.timeline.last_minute), (8 * 60, 18 * 60));
    let marked: Vec<&str> = r
        .timeline
        .days
        .iter()
        .flat_map(|d| &d.blocks)
        .filter(|b| b.agreement_started)
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(
        marked,
        [
            "Visita all'Open Innovation Center dell'NCVC",
            "Incontro con OCCI – verticale Life Science"
        ]
    );
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
    assert_eq!(it.timeline.days[4].label, "ven 11 lug");
    assert!(it
        .agreements_by_kind
        .iter()
        .any(|b| b.label == "Protocollo d'intesa (MoU)"));
}

#[test]
fn a_mission_over_months_has_a_timeline_row_per_day_with_meetings_only() {
    let ws = common::demo();
    let id = ws
        .store
        .read(|c| missions::resolve(c, "boston"))
        .expect("boston")
        .id;
    let r = ws
        .store
        .read(|c| report::of_mission(c, &id, "en"))
        .expect("report");
    let dates: Vec<&str> = r.timeline.days.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(
        dates,
        ["2021-04-20", "2021-05-11", "2021-06-08", "2021-09-14", "2021-10-05"],
        "eight and a half months are not 259 rows"
    );
    assert_eq!(r.figures.agreements_started, 1);
    assert_eq!(
        r.agreements[0].organisations,
        ["Brigham Digital Innovation Hub", "Mass General Brigham"]
    );
    assert_eq!(r.agreements[0].members, ["PerfeTTO", "Wise"]);
}

#[test]
fn an_agreement_logged_with_markup_is_counted_and_prints_as_text_in_the_html() {
    let ws = common::demo();
    let id = osaka(&ws.store);
    let contact = ws
        .store
        .read(|c| ponte::search::query(c, "Kobayashi", 1))
        .expect("search")
        .remove(0)
        .id;
    ws.store
        .write(|tx| {
            ponte::meetings::log(
                tx,
                &ponte::meetings::LogInput {
                    meeting: ponte::meetings::MeetingInput {
                        mission_id: Some(id.clone()),
                        title: "Takeda <b>licensing</b> & supply".into(),
                        starts_local: "2025-07-11T09:00".into(),
                        ends_local: "2025-07-11T10:00".into(),
                        time_zone: "Asia/Tokyo".into(),
                        agreement_started: true,
                        agreement_kind: Some(ponte::meetings::AgreementKind::Commercial),
                        contact_ids: vec![contact],
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
        })
        .expect("log");
    let r = ws
        .store
        .read(|c| report::of_mission(c, &id, "en"))
        .expect("report");
    assert_eq!(r.figures.agreements_started, 3);
    assert_eq!(
        counts(&r.agreements_by_kind),
        [("commercial", 1), ("mou", 1), ("research", 1)]
    );
    let friday = &r.timeline.days[4];
    assert_eq!((friday.blocks.len(), friday.blocks[0].agreement_started), (1, true));

    let html = report::html(&r);
    let section = &html[html.find("<h2>Agreements started</h2>").expect("the section")..];
    let section = &section[..section.find("</section>").expect("its end")];
    assert_eq!(section.matches("<tr class=\"agreement\">").count(), 3);
    assert!(section.contains("Takeda &lt;b&gt;licensing&lt;/b&gt; &amp; supply"));
    assert!(!html.contains("<b>licensing"), "markup prints as text");
    assert!(section.contains("Commercial agreement") && section.contains("Memorandum of understanding"));
    assert!(section.contains("Takeshi Kobayashi") && section.contains(">Takeda<"));
    assert!(html.contains("<li><b>3</b>Agreements started</li>"), "a key figure");
}

#[test]
fn the_html_timeline_is_an_svg_with_a_row_per_day_and_the_agreements_marked() {
    let (_ws, _, r) = osaka_report("en");
    let svg = report::timeline(&r);
    assert!(svg.starts_with("<svg class=\"chart\" role=\"img\" aria-label=\"Timeline\""));
    for (date, label) in [("2025-07-07", "Mon 7 Jul"), ("2025-07-11", "Fri 11 Jul")] {
        assert!(svg.contains(&format!("data-date=\"{date}\">{label}</text>")), "{date} row");
    }
    assert_eq!(svg.matches("<rect ").count(), 7, "a block per meeting");
    assert_eq!(svg.matches("<polygon class=\"agreement\"").count(), 2);
    let html = report::html(&r);
    assert!(html.contains(&svg), "the page holds the timeline");
    assert!(html.contains("</i>agreement started</span>"), "the legend names the diamonds");
}

#[test]
fn the_pdf_report_draws_the_timeline_over_the_mission_days_and_lists_the_agreements() {
    let ws = common::demo();
    let id = osaka(&ws.store);
    let text = pdf_text(&ws, &render_pdf(&ws, &id, "en"));
    let timeline = text.find("Timeline").expect("the timeline's title");
    let programme_list = text.find("10:00–13:00").expect("the programme's first item");
    assert!(timeline < programme_list, "the timeline opens the programme:\n{text}");
    let mut at = timeline;
    for label in ["Mon 7 Jul", "Tue 8 Jul", "Wed 9 Jul", "Thu 10 Jul", "Fri 11 Jul"] {
        at += text[at..]
            .find(label)
            .unwrap_or_else(|| panic!("{label} missing or out of order:\n{text}"));
    }
    assert!(text.contains("agreement started"), "the legend of the diamonds");
    assert!(text.contains("Agreements started: 2"), "a key figure");
    let section = &text[text.rfind("Agreements started").expect("the section")..];
    assert!(section.contains("Memorandum of understanding"), "{section}");
    assert!(section.contains("Research collaboration"));
    assert!(section.contains("Incontro con OCCI"));
    assert!(section.contains("田中 浩"), "with whom");
    assert!(section.contains("Chiara Colombo"), "by whom");

    // Italian day names for an Italian funder.
    let text = pdf_text(&ws, &render_pdf(&ws, &id, "it"));
    assert!(text.contains("Cronologia") && text.contains("ven 11 lug"), "{text}");
    assert!(text.contains("Accordi avviati: 2"));
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
    let text = pdf_text(&ws, &render_pdf(&ws, &id, "en"));
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
