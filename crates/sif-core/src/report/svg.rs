//! Inline SVG charts for the printable report: lines over the years, grouped bars over the
//! years, and grouped horizontal bars per category (the who-gains chart).
//!
//! Money reaches this module as `f64`: charts are the one place where amounts may pass through
//! floating point (STYLE habit 4). Every text that comes from the fund is escaped, and the
//! markup is well-formed XML, so the same charts work in HTML and XHTML.

use super::text::ReportText;
use super::{Lang, escape};

/// One series of a chart: a label for the legend and one value per category.
pub(crate) struct Series<'a> {
    pub label: &'a str,
    pub values: Vec<f64>,
    pub color: &'static str,
    /// Draw a line series dashed (so that two lines differ in black and white print too).
    pub dashed: bool,
}

/// What every chart needs: an id (unique in the document), an accessible title, the category
/// labels along the axis, and the series.
pub(crate) struct Chart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub categories: Vec<String>,
    pub series: Vec<Series<'a>>,
    pub lang: Lang,
}

const WIDTH: f64 = 720.0;
const FONT: f64 = 11.0;
const LEGEND_H: f64 = 26.0;

/// A value axis: the range rounded out to whole steps, and the unit its labels are in.
struct Axis {
    lo: f64,
    hi: f64,
    step: f64,
    /// 1, 1 000 or 1 000 000: the labels show value / scale.
    scale: f64,
    unit: &'static str,
    decimals: usize,
}

impl Axis {
    fn new(values: impl Iterator<Item = f64>, lang: Lang) -> Axis {
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for v in values.filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi - lo < 1.0 {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / 5.0);
        let lo = (lo / step).floor() * step;
        let hi = (hi / step).ceil() * step;
        let biggest = lo.abs().max(hi.abs());
        let (scale, unit) = if biggest >= 1e6 {
            (1e6, lang.t(ReportText::MillionKronor))
        } else if biggest >= 1e3 {
            (1e3, lang.t(ReportText::ThousandKronor))
        } else {
            (1.0, lang.t(ReportText::Kronor))
        };
        let scaled_step = step / scale;
        let decimals = if scaled_step >= 1.0 || (scaled_step.fract()).abs() < 1e-9 {
            0
        } else if (scaled_step * 10.0).fract().abs() < 1e-6 {
            1
        } else {
            2
        };
        Axis {
            lo,
            hi,
            step,
            scale,
            unit,
            decimals,
        }
    }

    fn ticks(&self) -> Vec<f64> {
        let count = ((self.hi - self.lo) / self.step).round() as i64;
        (0..=count.clamp(0, 40))
            .map(|k| self.lo + self.step * k as f64)
            .collect()
    }

    fn label(&self, v: f64, lang: Lang) -> String {
        let x = v / self.scale;
        let text = if self.decimals == 0 {
            let n = x.round() as i64;
            match lang {
                Lang::Sv => crate::money::group_digits(n, "\u{a0}", "\u{2212}"),
                Lang::En => crate::money::group_digits(n, ",", "-"),
            }
        } else {
            let s = format!("{:.*}", self.decimals, x);
            match lang {
                Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
                Lang::En => s,
            }
        };
        if text == "\u{2212}0" || text == "-0" {
            "0".to_string()
        } else {
            text
        }
    }
}

/// The step of 1, 2, 2.5 or 5 times a power of ten nearest above `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let f = raw / magnitude;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

fn num(x: f64) -> String {
    // One decimal is plenty at this size and keeps the markup short.
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn open_svg(out: &mut String, chart: &Chart<'_>, height: f64) {
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" \
         role=\"img\" aria-labelledby=\"{id}-title\"><title id=\"{id}-title\">{}</title>",
        num(WIDTH),
        num(height),
        escape(chart.title),
        id = escape(chart.id),
    ));
}

/// The legend along the top: a swatch and a label per series.
fn legend(out: &mut String, chart: &Chart<'_>, left: f64, lines: bool) {
    let mut x = left;
    let y = 14.0;
    for s in &chart.series {
        if lines {
            out.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>",
                num(x),
                num(y - 4.0),
                num(x + 22.0),
                num(y - 4.0),
                s.color,
                if s.dashed {
                    " stroke-dasharray=\"6 4\""
                } else {
                    ""
                }
            ));
        } else {
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>",
                num(x + 4.0),
                num(y - 9.0),
                s.color
            ));
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>",
            num(x + 28.0),
            num(y),
            num(FONT),
            escape(s.label)
        ));
        // A rough width: the legend only needs to avoid overlaps, not to be tight.
        x += 28.0 + s.label.chars().count() as f64 * 6.4 + 22.0;
    }
}

/// Horizontal grid lines with value labels at the left, for a vertical value axis.
fn y_grid(
    out: &mut String,
    axis: &Axis,
    lang: Lang,
    left: f64,
    right: f64,
    y: impl Fn(f64) -> f64,
) {
    for t in axis.ticks() {
        let yy = y(t);
        grid_line(out, axis, t, (left, yy), (right, yy));
        tick_label(out, (left - 6.0, yy + 4.0), "end", &axis.label(t, lang));
    }
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
        num(left - 6.0),
        num(LEGEND_H + 2.0),
        num(FONT - 1.0),
        escape(axis.unit)
    ));
}

/// Category labels under the plot, thinned so that they never overlap.
fn x_labels(out: &mut String, chart: &Chart<'_>, left: f64, band: f64, y: f64) {
    let every = ((34.0 / band).ceil() as usize).max(1);
    for (i, label) in chart.categories.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\">{}</text>",
            num(left + band * (i as f64 + 0.5)),
            num(y),
            num(FONT),
            escape(label)
        ));
    }
}

/// The frame of a chart over the categories (years): its value axis, the plot area (left,
/// right, top, bottom), the number of categories and the width of each.
fn column_frame(chart: &Chart<'_>, height: f64) -> (Axis, (f64, f64, f64, f64), usize, f64) {
    let (left, right, top, bottom) = (70.0, WIDTH - 12.0, LEGEND_H + 14.0, height - 26.0);
    let axis = Axis::new(
        chart.series.iter().flat_map(|s| s.values.iter().copied()),
        chart.lang,
    );
    let n = chart.categories.len().max(1);
    let band = (right - left) / n as f64;
    (axis, (left, right, top, bottom), n, band)
}

/// Lines over the categories (years), with a dot on each value when there is room.
pub(crate) fn line_chart(chart: &Chart<'_>) -> String {
    let height = 250.0;
    let (axis, (left, right, top, bottom), n, band) = column_frame(chart, height);
    let y = |v: f64| bottom - (v - axis.lo) / (axis.hi - axis.lo) * (bottom - top);
    let mut out = String::new();
    open_svg(&mut out, chart, height);
    legend(&mut out, chart, left, true);
    y_grid(&mut out, &axis, chart.lang, left, right, y);
    for s in &chart.series {
        let points: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{},{}", num(left + band * (i as f64 + 0.5)), num(y(*v))))
            .collect();
        out.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"{} points=\"{}\"/>",
            s.color,
            if s.dashed {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            },
            points.join(" ")
        ));
        if n <= 30 {
            for (i, v) in s.values.iter().enumerate() {
                out.push_str(&format!(
                    "<circle cx=\"{}\" cy=\"{}\" r=\"2.8\" fill=\"{}\"/>",
                    num(left + band * (i as f64 + 0.5)),
                    num(y(*v)),
                    s.color
                ));
            }
        }
    }
    x_labels(&mut out, chart, left, band, height - 8.0);
    out.push_str("</svg>");
    out
}

/// Grouped vertical bars over the categories (years).
pub(crate) fn bar_chart(chart: &Chart<'_>) -> String {
    let height = 230.0;
    let (axis, (left, right, top, bottom), _, band) = column_frame(chart, height);
    let groups = chart.series.len().max(1) as f64;
    let bar = band * 0.78 / groups;
    let y = |v: f64| bottom - (v - axis.lo) / (axis.hi - axis.lo) * (bottom - top);
    let mut out = String::new();
    open_svg(&mut out, chart, height);
    legend(&mut out, chart, left, false);
    y_grid(&mut out, &axis, chart.lang, left, right, y);
    let y0 = y(0.0);
    for (k, s) in chart.series.iter().enumerate() {
        for (i, v) in s.values.iter().enumerate() {
            if *v == 0.0 {
                continue;
            }
            let x = left + band * i as f64 + band * 0.11 + bar * k as f64;
            let yv = y(*v);
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                num(x),
                num(yv.min(y0)),
                num((bar - 1.0).max(0.5)),
                num((yv - y0).abs().max(0.5)),
                s.color
            ));
        }
    }
    x_labels(&mut out, chart, left, band, height - 8.0);
    out.push_str("</svg>");
    out
}

/// Grouped horizontal bars, one group per category (an actor), labels at the left.
pub(crate) fn hbar_chart(chart: &Chart<'_>) -> String {
    let groups = chart.series.len().max(1) as f64;
    let bar = 9.0;
    let row = bar * groups + 12.0;
    let n = chart.categories.len().max(1) as f64;
    let (left, right, top) = (250.0, WIDTH - 16.0, LEGEND_H + 10.0);
    let bottom = top + row * n;
    let height = bottom + 24.0;
    let axis = Axis::new(
        chart.series.iter().flat_map(|s| s.values.iter().copied()),
        chart.lang,
    );
    let x = |v: f64| left + (v - axis.lo) / (axis.hi - axis.lo) * (right - left);
    let mut out = String::new();
    open_svg(&mut out, chart, height);
    legend(&mut out, chart, left, false);
    for t in axis.ticks() {
        let xx = x(t);
        grid_line(&mut out, &axis, t, (xx, top), (xx, bottom));
        tick_label(
            &mut out,
            (xx, bottom + 15.0),
            "middle",
            &axis.label(t, chart.lang),
        );
    }
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"start\" fill=\"#555\">{}</text>",
        num(right - 40.0),
        num(height - 1.0),
        num(FONT - 1.0),
        escape(axis.unit)
    ));
    let x0 = x(0.0);
    for (i, label) in chart.categories.iter().enumerate() {
        let y_row = top + row * i as f64;
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\">{}</text>",
            num(left - 8.0),
            num(y_row + row / 2.0 + 4.0),
            num(FONT),
            escape(&shorten(label, 40))
        ));
        for (k, s) in chart.series.iter().enumerate() {
            let v = s.values.get(i).copied().unwrap_or(0.0);
            if v == 0.0 {
                continue;
            }
            let xv = x(v);
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                num(xv.min(x0)),
                num(y_row + 6.0 + bar * k as f64),
                num((xv - x0).abs().max(0.5)),
                num(bar - 1.0),
                s.color
            ));
        }
    }
    out.push_str("</svg>");
    out
}

/// Cut a label to `max` characters with an ellipsis; SVG text does not wrap.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// A grid line of an axis at tick `t`; the zero line darker.
fn grid_line(out: &mut String, axis: &Axis, t: f64, from: (f64, f64), to: (f64, f64)) {
    let zero = t.abs() < axis.step * 1e-6;
    out.push_str(&format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
        num(from.0),
        num(from.1),
        num(to.0),
        num(to.1),
        if zero { "#555" } else { "#d9d9d9" },
        if zero { "1.2" } else { "0.8" }
    ));
}

/// A tick's label at `at`, anchored `start`, `middle` or `end`.
fn tick_label(out: &mut String, at: (f64, f64), anchor: &str, label: &str) {
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\">{}</text>",
        num(at.0),
        num(at.1),
        num(FONT),
        escape(label)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_numbers() {
        assert_eq!(nice_step(1_700_000.0), 2_000_000.0);
        assert_eq!(nice_step(2_300_000.0), 2_500_000.0);
        assert_eq!(nice_step(4_000.0), 5_000.0);
        assert_eq!(nice_step(0.0), 1.0);
    }

    #[test]
    fn axis_labels_use_the_language_and_a_readable_unit() {
        let axis = Axis::new([-2_500_000.0, 21_000_000.0].into_iter(), Lang::Sv);
        assert_eq!(axis.unit, "mnkr");
        assert!(axis.lo <= -2_500_000.0 && axis.hi >= 21_000_000.0);
        assert_eq!(axis.label(-5_000_000.0, Lang::Sv), "\u{2212}5");
        let small = Axis::new([0.0, 1_200_000.0].into_iter(), Lang::En);
        assert_eq!(small.unit, "SEK m");
        assert_eq!(small.label(250_000.0, Lang::En), "0.25");
        let sv = Axis::new([0.0, 1_200_000.0].into_iter(), Lang::Sv);
        assert_eq!(sv.label(250_000.0, Lang::Sv), "0,25");
    }

    #[test]
    fn chart_text_is_escaped() {
        let chart = Chart {
            id: "c",
            title: "<b>&</b>",
            categories: vec!["<x>".to_string()],
            series: vec![Series {
                label: "\"a\" & 'b'",
                values: vec![1.0],
                color: "#000",
                dashed: false,
            }],
            lang: Lang::En,
        };
        for svg in [line_chart(&chart), bar_chart(&chart), hbar_chart(&chart)] {
            assert!(!svg.contains("<b>"), "{svg}");
            assert!(!svg.contains("<x>"), "{svg}");
            assert!(svg.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
            assert!(svg.contains("&quot;a&quot; &amp; &#39;b&#39;"));
        }
    }
}
