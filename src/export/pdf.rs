//! The mission report as PDF, for funders who want a document rather than a web page. Drawn
//! with printpdf from the same [`Report`] data as the HTML: text, tables as lines, the bar
//! charts as filled rectangles, and the timeline of the programme as rectangles (meetings) and
//! diamonds (agreements started) over hour lines, one row per day.
//!
//! A PDF must carry its font. Mission reports mix Italian (à, è, ò) and Japanese (田中, たなか),
//! so the font is looked up at run time among the installed ones (Noto Sans CJK from the Debian
//! package `fonts-noto-cjk` covers both; DejaVu Sans covers Italian only) and the first that has
//! a glyph for every character of the report is embedded, subset to the characters used. When
//! none does, the export fails with [`Error::NoFont`], naming the package to install, rather than
//! printing empty boxes.

use std::path::PathBuf;

use printpdf::{
    Color, FontId, Mm, Op, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions, Point, Polygon, Pt,
    Rgb, TextItem,
};

use crate::error::{Error, Result};
use crate::report::{
    kind_colour, label, words, AgreementStarted, Count, Report, TimelineBlock, AGREEMENT_COLOUR,
};

/// Font files tried in order, after `PONTE_PDF_FONT`, as (path, index in a collection).
const CANDIDATES: &[(&str, usize)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf",
        0,
    ),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 0),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        0,
    ),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 0),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", 0),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        0,
    ),
];

/// The font files to try: `PONTE_PDF_FONT` (a path, optionally `path:index`), the usual
/// Debian and Fedora places, then what fontconfig suggests for Japanese.
fn candidates() -> Vec<(PathBuf, usize)> {
    let mut out = Vec::new();
    if let Ok(value) = std::env::var("PONTE_PDF_FONT") {
        let (path, index) = match value.rsplit_once(':') {
            Some((p, i)) if i.chars().all(|c| c.is_ascii_digit()) && !i.is_empty() => {
                (p.to_owned(), i.parse().unwrap_or(0))
            }
            _ => (value.clone(), 0),
        };
        out.push((PathBuf::from(path), index));
    }
    out.extend(CANDIDATES.iter().map(|(p, i)| (PathBuf::from(p), *i)));
    if let Ok(found) = std::process::Command::new("fc-match")
        .args(["-f", "%{file}:%{index}", "sans:lang=ja"])
        .output()
    {
        let text = String::from_utf8_lossy(&found.stdout).into_owned();
        if let Some((path, index)) = text.rsplit_once(':') {
            out.push((PathBuf::from(path), index.trim().parse().unwrap_or(0)));
        }
    }
    out
}

/// Loads the first installed font that has a glyph for every character of `text`.
pub fn font_for(text: &str) -> Result<(ParsedFont, PathBuf)> {
    let needed: Vec<char> = {
        let mut v: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut searched = Vec::new();
    let mut best_missing: Option<Vec<char>> = None;
    for (path, index) in candidates() {
        searched.push(path.display().to_string());
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Some(font) = ParsedFont::from_bytes(&bytes, index, &mut Vec::new()) else {
            continue;
        };
        let missing: Vec<char> = needed
            .iter()
            .copied()
            .filter(|c| font.lookup_glyph_index(*c as u32).is_none())
            .collect();
        if missing.is_empty() {
            return Ok((font, path));
        }
        if best_missing
            .as_ref()
            .map_or(true, |b| missing.len() < b.len())
        {
            best_missing = Some(missing);
        }
    }
    let missing = best_missing
        .unwrap_or_else(|| needed.clone())
        .into_iter()
        .take(12)
        .collect();
    Err(Error::NoFont { missing, searched })
}

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN: f32 = 18.0;
const PT_TO_MM: f32 = 0.3528;

const TIMELINE_LABEL_W: f32 = 26.0;
const TIMELINE_ROW: f32 = 6.5;

const BLUE: (f32, f32, f32) = (0.0, 0.447, 0.698);
const GREY: (f32, f32, f32) = (0.4, 0.4, 0.4);
const BLACK: (f32, f32, f32) = (0.1, 0.1, 0.1);

/// A top-to-bottom writer of A4 pages.
struct Pages {
    font: FontId,
    pages: Vec<PdfPage>,
    ops: Vec<Op>,
    /// Distance of the next line's top from the bottom of the page, in mm.
    y: f32,
}

fn colour((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

/// `#RRGGBB` as RGB fractions, mixed with white by `fade` (0 = as is, 1 = white).
fn hex(text: &str, fade: f32) -> (f32, f32, f32) {
    let channel = |i: usize| {
        let v = text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
        let v = v as f32 / 255.0;
        v + (1.0 - v) * fade
    };
    (channel(1), channel(3), channel(5))
}

/// Estimated width of `text` at `size` points, in mm: wide (CJK) characters take a full em.
fn width(text: &str, size: f32) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| {
            if crate::export::xlsx::display_width(c.encode_utf8(&mut [0; 4])) == 2 {
                1.0
            } else {
                0.55
            }
        })
        .sum();
    ems * size * PT_TO_MM
}

/// Splits `text` into lines no wider than `max` mm: at spaces where there are any, anywhere in
/// runs of CJK text (which has no spaces).
fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_inclusive(' ') {
            if width(&line, size) + width(word, size) <= max {
                line.push_str(word);
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_owned());
                line.clear();
            }
            for c in word.chars() {
                if width(&line, size) + width(c.encode_utf8(&mut [0; 4]), size) > max
                    && !line.is_empty()
                {
                    lines.push(line.trim_end().to_owned());
                    line.clear();
                }
                line.push(c);
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

impl Pages {
    fn new(font: FontId) -> Pages {
        Pages {
            font,
            pages: Vec::new(),
            ops: Vec::new(),
            y: PAGE_H - MARGIN,
        }
    }

    fn break_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
        self.y = PAGE_H - MARGIN;
    }

    fn room(&mut self, mm: f32) {
        if self.y - mm < MARGIN {
            self.break_page();
        }
    }

    fn text_at(&mut self, text: &str, x: f32, baseline: f32, size: f32, rgb: (f32, f32, f32)) {
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: colour(rgb) },
            Op::SetFontSize {
                size: Pt(size),
                font: self.font.clone(),
            },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(baseline)),
            },
            Op::WriteText {
                items: vec![TextItem::Text(text.to_owned())],
                font: self.font.clone(),
            },
            Op::EndTextSection,
        ]);
    }

    /// A wrapped paragraph starting at `x`, moving down.
    fn paragraph(&mut self, text: &str, x: f32, size: f32, rgb: (f32, f32, f32)) {
        let line_h = size * PT_TO_MM * 1.4;
        for line in wrap(text, size, PAGE_W - MARGIN - x) {
            self.room(line_h);
            self.y -= line_h;
            self.text_at(&line, x, self.y + line_h * 0.25, size, rgb);
        }
    }

    fn heading(&mut self, text: &str) {
        // A heading never ends a page: keep room for it and the first lines under it.
        self.room(36.0);
        self.y -= 4.0;
        self.paragraph(text, MARGIN, 14.0, BLUE);
        self.y -= 1.5;
    }

    /// A filled polygon through `corners` (x, y in mm from the bottom left).
    fn fill(&mut self, corners: &[(f32, f32)], rgb: (f32, f32, f32)) {
        let polygon: Polygon = corners
            .iter()
            .map(|(a, b)| (Point::new(Mm(*a), Mm(*b)), false))
            .collect();
        self.ops.push(Op::SetFillColor { col: colour(rgb) });
        self.ops.push(Op::DrawPolygon { polygon });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, rgb: (f32, f32, f32)) {
        self.fill(&[(x, y), (x + w, y), (x + w, y + h), (x, y + h)], rgb);
    }

    /// The timeline: hour labels and lines, then a row per day with its label, a block per
    /// meeting (faded when cancelled) and a diamond where an agreement was started. Rows that do
    /// not fit go on the next page, under the hour labels again.
    fn timeline(&mut self, report: &Report) {
        let t = &report.timeline;
        let w = words(&report.language);
        if t.days.is_empty() {
            return;
        }
        let chart_w = PAGE_W - 2.0 * MARGIN - TIMELINE_LABEL_W;
        let span = (t.last_minute - t.first_minute).max(60) as f32;
        let x_of = |minute: i64| MARGIN + TIMELINE_LABEL_W + (minute - t.first_minute) as f32 / span * chart_w;
        let width_of = |b: &TimelineBlock| ((b.end_minute - b.start_minute).max(15) as f32 / span * chart_w).max(0.8);
        self.room(14.0 + TIMELINE_ROW * t.days.len().min(4) as f32);
        self.paragraph(w.timeline, MARGIN, 10.5, BLACK);
        let mut done = 0;
        while done < t.days.len() {
            if done > 0 {
                self.break_page();
            }
            self.y -= 5.0;
            let hours: Vec<i64> = (t.first_minute..=t.last_minute).step_by(120).collect();
            for hour in &hours {
                let label = format!("{:02}", hour / 60);
                self.text_at(&label, x_of(*hour) - width(&label, 7.5) / 2.0, self.y + 1.0, 7.5, GREY);
            }
            let fit = (((self.y - MARGIN) / TIMELINE_ROW).floor() as usize).max(1);
            let days = &t.days[done..(done + fit).min(t.days.len())];
            let height = days.len() as f32 * TIMELINE_ROW;
            for hour in &hours {
                self.rect(x_of(*hour) - 0.1, self.y - height, 0.2, height, (0.85, 0.85, 0.85));
            }
            for day in days {
                self.y -= TIMELINE_ROW;
                self.text_at(&day.label, MARGIN, self.y + 2.0, 8.5, BLACK);
                for b in &day.blocks {
                    let fade = if b.status == crate::meetings::MeetingStatus::Cancelled { 0.7 } else { 0.0 };
                    self.rect(x_of(b.start_minute), self.y + 0.9, width_of(b), TIMELINE_ROW - 1.8, hex(kind_colour(b.kind), fade));
                }
                for b in day.blocks.iter().filter(|b| b.agreement_started) {
                    self.diamond(x_of(b.start_minute) + width_of(b), self.y + TIMELINE_ROW / 2.0, 2.0);
                }
            }
            done += days.len();
        }
        // What the colours and the diamonds mean.
        let mut entries: Vec<(Option<&str>, String)> = crate::meetings::MeetingKind::ALL
            .iter()
            .map(|k| (Some(kind_colour(*k)), label(k.as_str(), &report.language)))
            .collect();
        entries.push((None, w.agreement_started.to_owned()));
        self.room(6.0);
        self.y -= 5.0;
        let mut x = MARGIN;
        for (fill, text) in entries {
            let entry_w = 4.0 + width(&text, 8.0) + 3.0;
            if x + entry_w > PAGE_W - MARGIN {
                self.room(5.0);
                self.y -= 4.5;
                x = MARGIN;
            }
            match fill {
                Some(c) => self.rect(x, self.y + 0.2, 2.6, 2.6, hex(c, 0.0)),
                None => self.diamond(x + 1.3, self.y + 1.5, 1.5),
            }
            self.text_at(&text, x + 4.0, self.y + 0.3, 8.0, GREY);
            x += entry_w;
        }
        self.y -= 3.0;
    }

    fn diamond(&mut self, cx: f32, cy: f32, r: f32) {
        let (white, dark) = ((1.0, 1.0, 1.0), hex(AGREEMENT_COLOUR, 0.0));
        self.fill(&[(cx - r - 0.4, cy), (cx, cy + r + 0.4), (cx + r + 0.4, cy), (cx, cy - r - 0.4)], white);
        self.fill(&[(cx - r, cy), (cx, cy + r), (cx + r, cy), (cx, cy - r)], dark);
    }

    /// A horizontal bar chart: label, bar, count, a row each.
    fn bars(&mut self, title: &str, bars: &[Count]) {
        if bars.is_empty() {
            return;
        }
        self.room(8.0 + 6.0 * bars.len().min(3) as f32);
        self.paragraph(title, MARGIN, 10.5, BLACK);
        let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f32;
        let (label_w, bar_w, row) = (62.0, 90.0, 6.0);
        for b in bars {
            self.room(row);
            self.y -= row;
            let mut text = b.label.clone();
            while width(&text, 9.0) > label_w - 2.0 && text.chars().count() > 1 {
                text.pop();
            }
            self.text_at(&text, MARGIN, self.y + 1.5, 9.0, BLACK);
            let w = (b.count as f32 / max * bar_w).max(0.4);
            self.rect(MARGIN + label_w, self.y + 0.8, w, row - 1.8, BLUE);
            self.text_at(
                &b.count.to_string(),
                MARGIN + label_w + w + 2.0,
                self.y + 1.5,
                9.0,
                BLACK,
            );
        }
        self.y -= 2.0;
    }

    fn finish(mut self) -> Vec<PdfPage> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.break_page();
        }
        self.pages
    }
}

/// All the text the PDF prints, to choose a font that covers it.
fn all_text(report: &Report, lines: &[String]) -> String {
    let mut text = lines.join("\n");
    for b in report
        .delegation_by_kind
        .iter()
        .chain(&report.meetings_by_kind)
        .chain(&report.meetings_by_day)
        .chain(&report.meetings_by_member)
        .chain(&report.stakeholders_by_country)
        .chain(&report.stakeholders_by_organisation_kind)
        .chain(&report.interest)
        .chain(&report.agreements_by_kind)
    {
        text.push_str(&b.label);
    }
    for day in &report.timeline.days {
        text.push_str(&day.label);
    }
    for k in crate::meetings::MeetingKind::ALL {
        text.push_str(&label(k.as_str(), &report.language));
    }
    text.push_str("0123456789–·");
    text
}

/// The report's text blocks, in order: (style, text). Style 0 title, 1 heading, 2 body, 3 muted,
/// 4 the place of the timeline.
fn blocks(report: &Report) -> Vec<(u8, String)> {
    let w = words(&report.language);
    let lang = report.language.as_str();
    let m = &report.mission;
    let mut b: Vec<(u8, String)> = vec![
        (0, m.title.clone()),
        (
            3,
            format!(
                "{} · {} – {} · {}",
                if m.online {
                    w.online.to_owned()
                } else {
                    m.destination.clone()
                },
                m.starts_on,
                m.ends_on,
                m.time_zone
            ),
        ),
    ];
    if !report.objectives.is_empty() {
        b.push((1, w.objectives.to_owned()));
        b.extend(report.objectives.iter().map(|o| (2, format!("• {o}"))));
    }
    b.push((1, w.key_figures.to_owned()));
    for (l, n) in crate::report::key_figures(report) {
        b.push((2, format!("{l}: {n}")));
    }
    b.push((1, w.delegation.to_owned()));
    for d in &report.delegation {
        let people = if d.delegates.is_empty() {
            String::new()
        } else {
            format!(" — {}", d.delegates.join(", "))
        };
        b.push((
            2,
            format!("{} ({}){people}", d.name, label(d.kind.as_str(), lang)),
        ));
    }
    for p in &report.partners {
        b.push((
            3,
            format!(
                "{}: {}{}",
                w.partners,
                p.organisation_name,
                if p.role.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", p.role)
                }
            ),
        ));
    }
    b.push((1, w.programme.to_owned()));
    // Style 4: the timeline is drawn here.
    b.push((4, String::new()));
    for day in &report.programme {
        b.push((2, day.date.clone()));
        for i in &day.items {
            let status = if i.status == crate::meetings::MeetingStatus::Held {
                String::new()
            } else {
                format!(" ({})", i.status.as_str())
            };
            b.push((
                3,
                format!(
                    "{}–{}  {}{status} · {} · {}",
                    &i.local_start[11..],
                    &i.local_end[11..],
                    i.title,
                    label(i.kind.as_str(), lang),
                    i.place
                ),
            ));
        }
    }
    b
}

/// "OCCI meeting (2025-07-10) · MoU — Chiara Colombo (Cluster …) with 田中 浩 (OCCI)".
fn agreement_line(a: &AgreementStarted, language: &str) -> String {
    let w = words(language);
    let side = |people: &[String], orgs: &[String]| {
        if orgs.is_empty() {
            people.join(", ")
        } else {
            format!("{} ({})", people.join(", "), orgs.join(", "))
        }
    };
    format!(
        "{} ({}) · {} — {}: {} · {}: {}",
        a.meeting_title,
        a.date,
        label(a.kind.map(|k| k.as_str()).unwrap_or(""), language),
        w.by,
        side(&a.delegates, &a.members),
        w.with,
        side(&a.contacts, &a.organisations)
    )
}

/// The report as PDF bytes.
pub fn report(report: &Report) -> Result<Vec<u8>> {
    let w = words(&report.language);
    let head = blocks(report);
    let mut tail: Vec<String> = vec![
        w.meetings.into(),
        w.by_kind.into(),
        w.by_day.into(),
        w.by_member.into(),
        w.stakeholders.into(),
        w.by_country.into(),
        w.by_organisation_type.into(),
        w.interest.into(),
        w.outcomes.into(),
        w.agreements.into(),
        w.agreement_started.into(),
        w.timeline.into(),
        w.follow_ups.into(),
        w.none.into(),
        w.generated.into(),
        w.owner.into(),
        w.due.into(),
        w.done.into(),
        w.open.into(),
    ];
    for s in &report.stakeholders {
        tail.push(format!(
            "{} ({}) — {}",
            s.organisation,
            s.country,
            s.contacts.join(", ")
        ));
    }
    for o in &report.outcomes {
        tail.push(format!("{} ({}): {}", o.meeting_title, o.date, o.outcome));
    }
    tail.extend(report.agreements.iter().map(|a| agreement_line(a, &report.language)));
    for f in &report.follow_ups {
        tail.push(format!(
            "{} — {} {} {}",
            f.what,
            f.owner.clone().unwrap_or_default(),
            f.owner_member.clone().unwrap_or_default(),
            f.due_on.clone().unwrap_or_default()
        ));
    }
    let mut texts: Vec<String> = head.iter().map(|(_, t)| t.clone()).collect();
    texts.extend(tail);
    let (font, _) = font_for(&all_text(report, &texts))?;
    let mut doc = PdfDocument::new(&report.mission.title);
    let font_id = doc.add_font(&font);
    let mut p = Pages::new(font_id);
    for (style, text) in &head {
        match style {
            0 => p.paragraph(text, MARGIN, 20.0, BLACK),
            1 => p.heading(text),
            2 => p.paragraph(text, MARGIN, 10.5, BLACK),
            3 => p.paragraph(text, MARGIN + 4.0, 9.5, GREY),
            _ => p.timeline(report),
        }
    }
    p.bars(w.by_type, &report.delegation_by_kind);
    p.heading(w.meetings);
    p.bars(w.by_kind, &report.meetings_by_kind);
    p.bars(w.by_day, &report.meetings_by_day);
    p.bars(w.by_member, &report.meetings_by_member);
    p.heading(w.stakeholders);
    p.bars(w.by_country, &report.stakeholders_by_country);
    p.bars(
        w.by_organisation_type,
        &report.stakeholders_by_organisation_kind,
    );
    for s in &report.stakeholders {
        p.paragraph(
            &format!(
                "{} ({}) — {}",
                s.organisation,
                s.country,
                s.contacts.join(", ")
            ),
            MARGIN,
            9.5,
            BLACK,
        );
    }
    p.heading(w.interest);
    p.bars(w.interest, &report.interest);
    p.heading(w.outcomes);
    if report.outcomes.is_empty() {
        p.paragraph(w.none, MARGIN, 10.5, BLACK);
    }
    for o in &report.outcomes {
        p.paragraph(
            &format!("{} ({}): {}", o.meeting_title, o.date, o.outcome),
            MARGIN,
            10.5,
            BLACK,
        );
    }
    p.heading(w.agreements);
    if report.agreements.is_empty() {
        p.paragraph(w.none, MARGIN, 10.5, BLACK);
    }
    p.bars(w.by_kind, &report.agreements_by_kind);
    for a in &report.agreements {
        p.paragraph(&agreement_line(a, &report.language), MARGIN, 10.0, BLACK);
        if !a.outcome.trim().is_empty() {
            p.paragraph(&a.outcome, MARGIN + 4.0, 9.5, GREY);
        }
    }
    p.heading(w.follow_ups);
    if report.follow_ups.is_empty() {
        p.paragraph(w.none, MARGIN, 10.5, BLACK);
    }
    for f in &report.follow_ups {
        let owner = match (&f.owner, &f.owner_member) {
            (Some(o), Some(m)) => format!("{o} ({m})"),
            (Some(o), None) => o.clone(),
            _ => String::new(),
        };
        let due = f
            .due_on
            .as_deref()
            .map(|d| format!(" · {}: {d}", w.due))
            .unwrap_or_default();
        p.paragraph(
            &format!(
                "{} — {owner}{due} · {}",
                f.what,
                if f.done { w.done } else { w.open }
            ),
            MARGIN,
            10.0,
            BLACK,
        );
    }
    p.y -= 6.0;
    p.paragraph(
        &format!("{} {}", w.generated, report.generated_on),
        MARGIN,
        8.5,
        GREY,
    );
    let pages = p.finish();
    let mut warnings = Vec::new();
    Ok(doc
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_no_installed_font_covers_is_refused_with_the_package_to_install() {
        // A private-use character: no font has it.
        match font_for("Osaka \u{10FFFD}") {
            Err(Error::NoFont { missing, searched }) => {
                assert_eq!(missing, vec!['\u{10FFFD}']);
                assert!(!searched.is_empty());
                let message = Error::NoFont { missing, searched }.to_string();
                assert!(message.contains("fonts-noto-cjk"), "{message}");
            }
            Ok((_, path)) => panic!("{} claims the character", path.display()),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn long_text_wraps_within_the_width_and_cjk_wraps_without_spaces() {
        let lines = wrap(
            "Costruire un ponte tra gli ecosistemi life science italiano e del Kansai",
            10.0,
            60.0,
        );
        assert!(
            lines.len() > 1 && lines.iter().all(|l| width(l, 10.0) <= 60.0),
            "{lines:?}"
        );
        let lines = wrap(&"東京大学".repeat(20), 10.0, 60.0);
        assert!(
            lines.len() > 1 && lines.iter().all(|l| width(l, 10.0) <= 60.0),
            "{lines:?}"
        );
    }
}
