use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config};

#[test]
fn support_in_the_same_sentence() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "support.md",
        "---\ntitle: t\n---\n\
         調査会社Xによると、利用率は45%だった。別の調査では30%とされる[^1]。内部の記事[こちら](/2025/11/x/)では60%だ。\n\n\
         About 40% of teams use it ([report](https://example.com/r)). Another 25% do not.\n\n\
         A footnote with no definition: 70%[^9].\n\n\
         [^1]: 出典: 架空リサーチ 2025.\n",
    );
}

#[test]
fn a_sourced_figure_stays_sourced_when_repeated() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "repeat.md",
        "---\ntitle: t\n---\n[A report](https://example.com/a) puts it at 380億ドル.\n\nThat 380億ドル is large. 数千万 is not sourced.\n",
    );
}

#[test]
fn paragraph_scope_and_custom_cues() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "paragraph-scope.md",
        "---\ntitle: t\n---\n売上は3倍になった。詳しくは[決算資料](https://example.com/ir)を参照。\n\nPer the registry, 12% failed.\n",
        "rules:\n  unsupported-numeric-claim:\n    scope: paragraph\n    source-cues: [\"per the registry\"]\n",
    );
}

/// §5: one finding per figure, at its first mention; later mentions, in
/// any width, are related locations.
#[test]
fn one_finding_per_figure_with_its_repeats_related() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "repeats.md",
        "---\ntitle: t\n---\n市場の75%以上を3社が握る。\n\n## 見出し\n\nそれでも７５％以上という数字は重い。\n\n- 75%以上\n",
    );
}

/// §4: a sentence that names a source and has no figure of its own
/// supports its paragraph, before or after it; a source in a sentence with
/// its own figure does not carry over.
#[test]
fn a_source_only_sentence_supports_its_paragraph() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "source-only.md",
        "---\ntitle: t\n---\n\
         国内市場は3兆円に達した。推計の詳細は[公開資料](https://example.com/r)にまとまっている。\n\n\
         The estimate comes from [a report](https://example.com/a). Sales grew 40%.\n\n\
         [Northwind](https://example.com/n) counts 2 million users. Another 30% are inactive.\n",
    );
}

/// §3: bare URLs, and URLs in the HTML link or the shortcode around the
/// sentence, are sources; a relative link and an anonymous attribution are not.
#[test]
fn urls_in_text_html_and_shortcodes_and_anonymous_attribution() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "urls.md",
        "---\ntitle: t\n---\n\
         The market reached $38 billion, see https://example.com/m for details.\n\n\
         <a href=\"https://example.com/s\">Shipments rose 25% last year.</a>\n\n\
         {{< external_link url=\"https://example.com/x\" >}} Users grew 3x. {{< /external_link >}}\n\n\
         Per [the notes](/notes/), 45% of teams agree.\n\n\
         関係者によると、契約額は380億ドルにのぼる。\n",
    );
}

/// §2: first-person and first-party facts, offers, how-to quantities and
/// illustrations are not claims; a site's own names are set in config.
#[test]
fn what_is_not_a_claim() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "not-claims.md",
        "---\ntitle: t\n---\n\
         当ブログの有料プランは月額980円です。RubyKaigiの参加者は1,200人を超えた。\n\n\
         早割チケットは30%割引になる。CPU使用率が80％を超えたらアラートを出す。\n\n\
         例えば月額1万円のプランなら十分だ。1件ずつ確認する。\n\n\
         Our Pro plan costs $12 per month. Set the batch size to 64.\n\n\
         Acme has 3 million customers.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [RubyKaigi]\n",
    );
}

/// §6: spans: mixed kanji with commas, counters and currencies, ranges as
/// one figure, hedges on either side, English worded quantities.
#[test]
fn spans_follow_the_convention() {
    let spans = |text: &str| -> Vec<String> {
        super::find_figures(text)
            .into_iter()
            .map(|figure| text[figure.span].to_string())
            .collect()
    };
    assert_eq!(spans("4億7,000万ドルを投じた"), ["4億7,000万ドル"]);
    assert_eq!(
        spans("原発3基と部品5,000個、10万回の試験"),
        ["3基", "5,000個", "10万回"]
    );
    assert_eq!(
        spans("売上は2兆ウォン、約 30% が海外"),
        ["2兆ウォン", "約 30%"]
    );
    assert_eq!(
        spans("600億ドルから650億ドルの範囲"),
        ["600億ドルから650億ドル"]
    );
    assert_eq!(
        spans("600億〜650億ドル、30-40%"),
        ["600億〜650億ドル", "30-40%"]
    );
    assert_eq!(
        spans("最大100万人、1万人近く、3割ほど"),
        ["最大100万人", "1万人近く", "3割ほど"]
    );
    assert_eq!(
        spans("3人に1人が使い、$50B 規模"),
        ["3人に1人", "$50B 規模"]
    );
    assert_eq!(
        spans("a deal of 38B euros and 1 million yen"),
        ["38B euros", "1 million yen"]
    );
    assert_eq!(
        spans("300+ companies; $2.99〜$4.99"),
        ["300+", "$2.99〜$4.99"]
    );
    assert_eq!(
        spans("up to 40 percent, a 9x to 10x win"),
        ["up to 40 percent", "9x to 10x"]
    );
    assert_eq!(
        spans("more than half of them, a third of users, one in five, 1 in 5, tens of thousands of fans, millions of views"),
        ["more than half", "a third", "one in five", "1 in 5", "tens of thousands", "millions"]
    );
    assert_eq!(
        spans("the second half of 2025, the latter half of 2020, a third party, Kernel 3.0x version, at 13:30 UTC, #<Foo:0x00>, RDoc 7.0+, oSC 2013 attendees, 複数回"),
        Vec::<String>::new()
    );
}

/// A paragraph under a program's output tells the writer's own run; under
/// source code it may make a claim.
#[test]
fn a_paragraph_under_output_is_the_writers_own_run() {
    assert!(super::shows_output(
        "\n```\n$ wrk -t4 http://localhost/\nRequests/sec: 18234\n```\n\n"
    ));
    assert!(super::shows_output("\n```console\nok\n```\n"));
    assert!(!super::shows_output(
        "\n```toml\n[profile.release]\nlto = true\n```\n"
    ));
    assert!(!super::shows_output("\n\n"));
}

/// Where a post's structure decides: a figure a table gives first is the
/// table's, and its mention in prose repeats it; a share in a heading is the
/// headline claim, other heading numbers are structure; a block quote under
/// a lead-in that names its speaker is theirs; a section under a release
/// heading is release notes; a small count in a numbered step is a step.
#[test]
fn tables_headings_quotes_releases_and_steps() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "structure.md",
        "---\ntitle: t\n---\n\
         速報では 41.5% だった。\n\n\
         | 指標 | 値 |\n| --- | --- |\n| 完了率 | 52.90% |\n| 速報 | 41.5% |\n\n\
         完了率は 52.90% にとどまり、速報の 41.5% を上回った。\n\n\
         ## Why 70% of cloud migrations fail, in 3 steps\n\n\
         In her keynote, Gridwatch Institute director Amara Osei put it this way:\n\n\
         > Grid storage has grown tenfold, and we still need three times more.\n\n\
         One utility executive was blunt:\n\n\
         > Half of all transformers are past their design life, and 40% fail early.\n\n\
         ## Larkspur 4.2 is out\n\n\
         Cold starts are up to 45% faster.\n\n\
         1. 直近のレビューで繰り返し発生した待ちを3件集めます。\n\
         2. 国内の約3割のチームが同じ問題を抱えています。\n",
    );
}

/// The publisher's own: an outage it reports, a milestone it thanks its
/// readers for, a survey it ran, a measurement the writer took, a purchase,
/// an upper limit of its product.
#[test]
fn the_publishers_own_incidents_milestones_surveys_and_purchases() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "publishers-own.md",
        "---\ntitle: t\n---\n\
         ## Incident report: package index outage\n\n\
         For 47 minutes, about 12% of requests to the package index failed.\n\n\
         ## Other news\n\n\
         Larkspur passed 10 million downloads this month. Thank you!\n\n\
         We received 3,412 responses to our community survey. Two-thirds of respondents deploy it in containers.\n\n\
         手元で計測したところ、ビルド時間は4分から1分50秒に縮みました。約2.3倍の高速化です。\n\n\
         手元のAPIサーバーで比べたところ、スループットの差は1.3倍程度でした。\n\n\
         自宅用に NAS を2台、1台あたり1万2,000円ほどで買いました。\n\n\
         I bought two of these boards for my homelab. They usually retail for around $80 each.\n\n\
         1回あたりの送信件数は最大500件までです。国内の普及率は約3割にとどまる。\n",
    );
}

/// A digest's item title heads its excerpt; a quotation signed with a name
/// is the speaker's, one signed with a role is nobody's; a figure after a
/// comparison sign is a threshold; 数人 is "a few"; where a figure was read,
/// in brackets, is a source.
#[test]
fn digests_signed_quotes_thresholds_and_bracketed_sources() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "digests-and-signatures.md",
        "---\ntitle: t\n---\n\
         [KDE.news/Boudewijn Rempt: First Calligra Sprint](//news.kde.org/2011/04/15/sprint)\n\n\
         With a total of 31 people from 14 nations, the room was crowded.\n\n\
         ## Quotes\n\n\
         > Ruby 3.0 is three times faster than Ruby 2.0. -- Matz\n\n\
         > We got close to 9x to 10x performance wins. -- Distinguished engineer working on cloud infrastructure\n\n\
         - override 率 > 30%: 降格を検討します。\n\n\
         数人のRubyist達が集まった。利用者は数百名規模です(ZOZO TECH BLOG 本文記載)。国内の普及率は約3割だ。\n",
    );
}

/// With `first-party-site`, a project's measurements of its own tools and
/// its own budget are its own facts, even where a tool or a body is named,
/// but not in a quotation.
#[test]
fn a_project_sites_own_measurements_and_budget() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "project-site.md",
        "---\ntitle: t\n---\n\
         Check builds, which do not run LLVM passes, regressed by up to 3-7%.\n\n\
         At the start of 2026, the Foundation allocated to this budget $306k in new funds.\n\n\
         > Half of the students' feedback was worse on the Rust class.\n\n\
         Python powers 40% of new data projects at Contoso.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [Rust]\n    first-party-site: true\n",
    );
}

/// A release's diffstat is its own; a bracket naming the primary or the
/// secondary source is a source, "(二次情報)" alone is not; "Please send …"
/// tells the reader what to do.
#[test]
fn diffstats_primary_sources_and_requests() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "diffstats-and-requests.md",
        "---\ntitle: t\n---\n\
         これらの変更により、1,239個のファイルが更新され、98,343行が追加されました。\n\n\
         成熟したガバナンスを持つ組織は約21%にとどまります [一次: Deloitte、二次経由]\n\n\
         分類された逸脱の18.9%が敵対的意図とされます（[二次情報] Unit42, 2026-06）。国内では約3割だ（二次情報）。\n\n\
         Automation bias makes 40% of reviewers approve blindly (Parasuraman & Manzey 2010).\n\n\
         Please send in a proposal of about 200 words.\n\n\
         Please note that 35% of users skip it.\n",
    );
}

/// With `first-party-site`, a project's own votes are its own results.
/// (The national election below is not flagged either: with
/// `first-party-site`, a sentence naming nobody else is the project's.)
#[test]
fn a_project_sites_own_votes() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "project-votes.md",
        "---\ntitle: t\n---\n\
         The votes are as follows:\n\n\
         - Pascal Bleser (172 votes) - 79%\n\
         - Will Stephenson (104 votes) - 48%\n\n\
         A total of 218 members participated in the poll.\n\n\
         In the national election, 52% of voters stayed home.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [Rust]\n    first-party-site: true\n",
    );
}

/// With `first-party-site`, a count at an event is the project's own,
/// unless the sentence before opens on another's event: LinuxTag's
/// visitors are LinuxTag's claim. The project's own summit stays its own.
#[test]
fn another_partys_event_on_a_project_site() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "another-partys-event.md",
        "---\ntitle: t\n---\n\
         The openSUSE Project is attending LinuxTag with a booth. \
         LinuxTag has been held for 15 years. \
         More than 200 projects   participate and it   attracts nearly 12,000 visitors.\n\n\
         The summit was organized with the support of MRIIRS. More than 600 people attended the event.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [openSUSE]\n    first-party-site: true\n",
    );
}

/// A survey's sample with a comma, a speaker with a figure in an
/// apposition, a confirmation, a denial, and a bracket the figure was
/// taken from.
#[test]
fn commas_in_figures_denials_and_where_a_figure_was_taken_from() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "denials.md",
        "---\ntitle: t\n---\n\
         A survey of 2,400 backend developers by Pellmark Insights found that 31% run it in production.\n\n\
         The company, which has 1,300 employees, said the hub will open in May.\n\n\
         Arclight Semiconductor confirmed the chip on Tuesday: 24 cores and a 120 W power limit.\n\n\
         The Deck has sold an estimated 3.7 million units. Valve hasn't confirmed the number.\n\n\
         参加者の約半数が学生でした（運営のアンケート結果より）。\n",
    );
}

/// §2: what the writer paid. A purchase told of holds for the prices in
/// the rest of its section, but not for a seller's price, a comparison,
/// or the next section.
#[test]
fn the_writers_purchases_and_expenses() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "purchases.md",
        "---\ntitle: t\n---\n\
         ## スタンディングデスクを自作した\n\n\
         昇降脚だけ買って、天板は自作することにしました。\n\n\
         昇降脚は2万9,800円、集成材とオイルで1万円ほどでした。なお、大手の架空マーケットでは同じ脚が一律3万5,000円です。\n\n\
         ## 会計報告\n\n\
         会場費2万円、ピザと飲み物で1万8,000円。参加費でまかないました。\n\n\
         ## 別の話\n\n\
         昇降脚は4万2,000円でした。\n\n\
         ## Review\n\n\
         I bought the Bluefen Tab in March for £279. It normally retails for £349.\n",
    );
}

#[test]
fn a_bound_that_says_what_reaching_it_means_is_a_threshold() {
    use super::defines_a_threshold;
    assert!(defines_a_threshold(
        "A hit rate above ",
        "95%",
        " means you're done."
    ));
    assert!(defines_a_threshold(
        "Anything ",
        "over 2,000 ms",
        " means trouble."
    ));
    assert!(!defines_a_threshold(
        "Their ",
        "40%",
        " share means they lead."
    ));
    assert!(!defines_a_threshold(
        "Usage rose ",
        "over 40%",
        " last year."
    ));
}

/// §2: the writer's organisation's own money, and a list of prizes whose
/// every price is a prize, whichever item says so; the wider world stays a
/// claim.
#[test]
fn own_money_and_a_list_of_prizes() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-money-and-prizes.md",
        "---\ntitle: t\n---\n\
         Every year we publish what the foundation spent.\n\n\
         Total income was $736,000, of which donors gave a little under a third, and our three largest sponsors gave 41%. \
         Across the wider ecosystem, nearly 60% of maintainers receive nothing, which is why we weight the budget toward grants.\n\n\
         - **1st place (€2,000):** *Tidal Lock*\n\
         - **Best use of the audio API (€500):** *Wire Choir*\n\n\
         Batch pricing:\n\n\
         - Batch pricing gives 50% off.\n\
         - The usual price is $30 per million tokens.\n",
    );
}

/// What is said (と言われる, という話, "reportedly") is nobody's own, even in
/// a paragraph of thanks or at the publisher's party; the clause after it
/// is the publisher's again.
#[test]
fn what_is_said_is_nobodys_own() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "said.md",
        "---\ntitle: t\n---\n\
         国内のRustユーザーはまだ数万人規模とも言われますが、今回は過去最多の82名に集まっていただきました。本当にありがとうございました。\n\n\
         懇親会では、国内のSREは1,000人もいないのでは、という話で盛り上がりました。\n\n\
         34,000 people told us their view in our surveys. Thank you!\n",
    );
}

/// A list under 「今回買ったもの：」 is what the writer paid, and "who gives
/// $25 or more" says whom an offer is for.
#[test]
fn a_list_of_purchases_and_whom_an_offer_is_for() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "purchase-list.md",
        "---\ntitle: t\n---\n\
         今回買ったもの：\n\n\
         - モニターアーム：8,980円\n\
         - デスクマット：2,480円\n\n\
         合計で11,460円。思ったより安く収まりました。\n\n\
         Everyone who gives $25 or more will be thanked in the release notes. Hosting costs $25 a month.\n",
    );
}

/// With `first-party-site`, who downloaded, came or signed up is the
/// project's own count, unless the sentence names someone else, and so are
/// its ratios and wins; a short acronym's plural (DVDs) and BoF name nobody.
#[test]
fn a_project_sites_own_downloads_and_sign_ups() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "project-audience.md",
        "---\ntitle: t\n---\n\
         The tracker counted 12596 complete downloads via bittorrent during the first 24 hours.\n\n\
         After many reminders, about 110 project members signed up.\n\n\
         The Fedora tracker counted 30,000 downloads on its first day.\n\n\
         Interning was about 3.5 times higher than the rest of the compilation.\n\n\
         Without debuginfo the wins are substantial, in this case almost 30%.\n\n\
         Over 300 DVDs of the release were handed out to 2,000 visitors.\n\n\
         The event attracts between 200 and 500 visitors for talks and BoF sessions.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [openSUSE]\n    first-party-site: true\n",
    );
}

/// On a site that speaks for itself, a sentence that names nobody is the
/// site's own, unless it speaks of the world at large (a market, a country,
/// what is typical, the rivals) or passes on what nobody named says.
#[test]
fn a_sites_own_figures_and_the_world_at_large() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "world-at-large.md",
        "---\ntitle: t\n---\n\
         The spring open drew 64 players, and the junior section grew to 19 members.\n\n\
         Nationwide, club membership has fallen by about 8% since 2019.\n\n\
         Rival clubs in the county typically charge £120 a year.\n\n\
         今年の教室には 45 人が参加しました。\n\n\
         国内のチェス人口は約 12 万人です。\n\n\
         Some analysts believe online play has grown 5 times since 2019.\n\n\
         オンライン対局の利用者は2倍に増えたとの見方もあります。\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [Wexcombe Chess Club]\n    first-party-site: true\n",
    );
}

/// A supposition (〜なら, 〜場合, 〜しても), an operand or result of a worked
/// sum, a figure in the post's own example and a progress meter ("[100%]")
/// are not facts; a Japanese line that opens on a lower-case verb ("install
/// 数") is no instruction.
#[test]
fn suppositions_worked_sums_and_examples() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "suppositions.md",
        "---\ntitle: t\n---\n\
         - 1割負担なら保険給付 5,625円 / 利用者負担 625円\n\
         - ユーザー数が 50,000 件を超える場合はディレクトリ形式を使用します\n\
         - 同一プロンプトを 2 回実行しても、結果は変わり得ます。\n\
         - 3割の企業がすでに導入しており、これは前年の2倍です。\n\
         - install 数のリーダーボードでは、重複が約 46.3% ある。\n\
         - pass 率 80% 越えれば本番に出して良い\n\
         - judge の費用が 25% に近づいたらサンプリングを減らします。\n\
         - 時間配分を契約で合意する (例 顧客向け実装 60% 以上 / admin 40% 以下)\n\
         - 新リビジョンをブルーグリーンでトラフィック0%のままデプロイする。\n\
         - 国内ユーザーの約4割がダークモード派という過去記事を読み返したら、誤字があった。\n\n\
         内訳の概算: 1 ユーザー × 4 h × 20 日 = 80 h/月。\n\n\
         SFP = 4.6 × EP + 7.0 × LF で見積もります。\n\n\
         In the following example, the function executes the push 4 times in a loop.\n\n\
         This made builds 4 times faster for 70% of users.\n\n\
         * Reading installed packages [100%]\n",
    );
}

/// Directions are instructions ("Walk north for about 500 meters"); on a
/// project's site, a release post counts its own packages, not another's.
#[test]
fn directions_and_a_releases_own_packages() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "directions.md",
        "---\ntitle: Leap Beta is out\n---\n\
         There are about 7,200 packages in the Beta.\n\n\
         * Subway: Take **line 10** to the station. Walk to north for about 500 meters.\n\n\
         The Debian archive holds about 60,000 packages.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [openSUSE]\n    first-party-site: true\n",
    );
}

/// The writer's own work told in the first person holds for the results
/// after it: later paragraphs of its section in the polite form, and the
/// rest of an English paragraph that says "we started paying" or "I
/// replaced". What names someone else, or the wider world, stays a claim.
#[test]
fn results_of_the_writers_own_work() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-work-results.md",
        "---\ntitle: t\n---\n\
         ## 導入の結果\n\n\
         当社でもコード補完AIを全エンジニアに導入して3か月が経ちました。\n\n\
         レビュー待ちの時間は約3割減っています。業界では平均4割減るとも言われます。\n\n\
         ## Stipends\n\n\
         A year ago we started paying our maintainers. The backlog shrank by 38%. \
         Across the industry, 60% of maintainers are unpaid.\n\n\
         When I finally looked at the numbers, I started to think it was not worth it. \
         PGO gives a 5% reduction.\n",
    );
}

/// §4: a source-only sentence supports its paragraph only when it tells
/// where the figures come from. A named party's statement of its own plan,
/// or a source with counts of its own, is about itself; "by some
/// estimates" says the figure's source is nobody, whatever is beside it.
#[test]
fn a_source_about_something_else_does_not_carry_over() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "source-about-itself.md",
        "---\ntitle: t\n---\n\
         A tariff would raise laptop prices by 5 to 7 percent. \
         Arclight said on Tuesday it would absorb part of the cost.\n\n\
         Stellargate's [incident report](https://example.net/i) says 14 of its 96 points of presence were affected. \
         Stellargate serves about 30% of the busiest sites.\n\n\
         By some estimates it runs on under 1% of desktops. Its maintainers wrote much of the stack.\n\n\
         The estimate comes from [a report](https://example.com/a), published in 2024. Sales grew 40%.\n\n\
         ミナト電機は30日、連結決算を発表した。売上高は前年同期比8%増の4,820億円だった。\n\n\
         市場は3兆円規模とみられる。同社はコストの一部を吸収する方針だと明らかにした。\n",
    );
}

/// What follows a colon spells out the clause before it: the writer's own
/// thing there makes the figures after it theirs. A reason from the world
/// after "keeps me on it:" stays a claim.
#[test]
fn a_colon_continues_the_writers_own_clause() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "colon-clause.md",
        "---\ntitle: t\n---\n\
         When I looked, my cluster was wasting capacity: requests added up to 92% of allocatable CPU.\n\n\
         The plugins are what keeps me on it: there are now more than 1,500 community plugins.\n\n\
         It is one of the defining 4X strategy games, and it runs 4x faster than the original.\n",
    );
}

/// A post signed by a team speaks for its project, as `first-party-site`
/// does, and the project's name in the team's is the site's own: a Zola
/// `[extra] team`, or an author that is a named project's team. A post
/// signed by a person, or by a team that names no project ("Editorial
/// team"), is read as ever.
#[test]
fn a_post_signed_by_a_team_speaks_for_its_project() {
    for (name, front_matter) in [
        ("signed-by-team.md", "+++\ntitle = \"t\"\nauthors = [\"The Larkspur Release Team\"]\n+++\n"),
        ("signed-by-extra-team.md", "+++\ntitle = \"t\"\nauthors = [\"Ann Lee\"]\n\n[extra]\nteam = \"the crates.io team\"\n+++\n"),
        ("signed-by-person.md", "---\ntitle: t\nauthor: Ann Lee\n---\n"),
        ("signed-by-editorial-team.md", "---\ntitle: t\nauthor: Editorial team\n---\n"),
    ] {
        assert_snapshot_of(
            "unsupported-numeric-claim",
            name,
            &format!(
                "{front_matter}\
                 Larkspur now has about 1,500 packages, and crates.io served 2 million downloads.\n\n\
                 The Debian archive holds about 60,000 packages.\n"
            ),
        );
    }
}

/// An aside set off by dashes is not the figure's clause: "we" in it does
/// not make the figure the writer's; "we" outside it still does.
#[test]
fn a_dashed_aside_is_not_the_figures_clause() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "dashed-aside.md",
        "---\ntitle: t\n---\n\
         Our telemetry shows that 3.4% of sessions were on 1.x projects.\n\n\
         Across the wider ecosystem — including the codebases we never see — around 12% of projects are still on 1.x.\n\n\
         Last month — a quiet one — we served 40% more requests.\n",
    );
}

/// The going rate of a fee is about the world, not the publisher's offer.
#[test]
fn a_market_rate_is_not_an_offer() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "market-rate.md",
        "---\ntitle: t\n---\n\
         参加費は今年と同じ1,000円に据え置きます。同規模の地方カンファレンスでは参加費5,000円前後が相場です。\n",
    );
}

/// A post titled by its survey's name and year reports the survey: its
/// figures are the survey's findings. A title that only mentions a survey
/// does not make it one.
#[test]
fn a_post_titled_by_its_survey_reports_it() {
    for (name, title) in [
        ("survey-title.md", "State of Larkspur Survey 2016"),
        ("survey-mentioned.md", "Why the 2016 survey matters"),
    ] {
        assert_snapshot_of(
            "unsupported-numeric-claim",
            name,
            &format!(
                "---\ntitle: {title}\n---\nAlmost 2,000 people responded. Of these, almost 24% were new users.\n"
            ),
        );
    }
}

/// On a project's site, a sentence that speaks to the reader and names
/// nobody else tells of the project's own things, even after a sentence
/// about someone else's; one that names someone else stays a claim.
#[test]
fn a_project_site_speaking_to_its_reader() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "to-the-reader.md",
        "---\ntitle: t\n---\n\
         This adds the OSS, Non-OSS and DEBUG repositories. You have thousands of packages available to you.\n\n\
         If you come from Debian, you get about 60,000 packages there.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [openSUSE]\n    first-party-site: true\n",
    );
}

/// A tool's defaults and hard limits, and a criterion fixed in advance,
/// are how-to quantities; a measured result beside no such word stays a
/// claim.
#[test]
fn defaults_limits_and_criteria_are_how_to() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "defaults-and-limits.md",
        "---\ntitle: t\n---\n\
         - 既定は Recursive 256〜512 tokens / overlap 10〜20%。\n\
         - ハードリミット: `api.*` 呼び出し最大 50 回。\n\
         - 採用基準は「コスト増加が +50% 以内」で固定します。\n\
         - 競合製品の検索精度は約 12% 高い。\n",
    );
}

/// A Japanese sentence whose topic is the writer (「私たちは、」「当社では、」)
/// speaks of them after the comma; a sentence with a topic of its own does
/// not.
#[test]
fn a_japanese_topic_of_the_writer_holds_past_the_comma() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "writer-as-topic.md",
        "---\ntitle: t\n---\n\
         私たちは、この課題に対して月額9,800円から使える診断サービスを提供しています。\n\n\
         当社では、スナップショットの削除で、月間のクラウド費用を約38%削減できました。\n\n\
         私も使っていますが、国内の利用者は約300万人です。\n",
    );
}

/// The writer's own trial and its results; a salary the publisher pays;
/// a threshold crossed 「…を超えた時点で」; an incident the heading names.
/// 「投稿された時点で」 places a fact in time and leaves it a claim.
#[test]
fn own_trials_pay_thresholds_and_incidents() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-trials.md",
        "---\ntitle: t\n---\n\
         新しいモデルを、全ユーザーの5%を対象に A/B テストしました。購入率は4.2%向上しました。\n\n\
         年収は600万〜1,200万円、入社時に最大30万円を支給します。\n\n\
         ## 11月12日に発生した通知遅延について\n\n\
         影響を受けたのは約12万件の通知でした。滞留が5,000件を超えた時点で通知するよう見直しました。\n\n\
         陳腐化した回答のうち、58.4% は投稿された時点で既に陳腐でした。\n",
    );
}

/// The writer's own book's price and their organisation's own vote are
/// theirs; a pointer to the site's own page, a list price and a quoted plan
/// of the speaker's leave the figures beside them claims; an incident's
/// customers affected are the site's own count.
#[test]
fn own_offers_votes_pointers_and_quoted_plans() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-offers-and-pointers.md",
        "---\ntitle: t\n---\n\
         *Shameless plug: my own book, [Practical Queues](/book/), is $29 for the ebook.*\n\n\
         Our steering council election closed on Friday. Of 1,912 eligible members, 1,307 voted, a turnout of 68%.\n\n\
         Battery pack prices fell to around $115 per kilowatt-hour last year (see <a href=\"/energy/\">our batteries hub</a>).\n\n\
         I finally bought the Brightline M3 arm. It lists at $189, but I picked up a refurbished one for $95.\n\n\
         Tallgrass AI has raised $180 million. \"We'll use the money to triple our team,\" chief executive Nadia Forsberg said.\n\n\
         ## Incident report: 3 June API errors\n\n\
         About 2,300 customers were affected.\n",
    );
}

/// What the reader must pay and what a test waits for are how-to; "you
/// must already have seen" is no instruction. On a project's site its own
/// packages and the team of its own bug day are its own; another
/// distribution's packages are not.
#[test]
fn obligations_waits_and_a_projects_own_packages() {
    assert_snapshot_with_config(
        "unsupported-numeric-claim",
        "own-packages.md",
        "---\ntitle: t\n---\n\
         Remember you still have to pay at least 20% yourself.\n\n\
         It waits until the VM uses less CPU than 18% before it goes on.\n\n\
         You must already have seen it: Google picked 177 organizations this year.\n\n\
         Previous verifications succeeded for more than 95 percent of packages.\n\n\
         The team of about 10-15 people triaged 264 bugs. Another Bug Day will be held on Saturday.\n\n\
         In Debian, there are more than 60,000 packages.\n",
        "rules:\n  unsupported-numeric-claim:\n    first-party: [openSUSE]\n    first-party-site: true\n",
    );
}

/// A publisher's sponsorship tiers and pricing page ("email us") are its
/// offer; what a setting gives the reader is how-to; an audience the writer
/// counts as theirs ("our video channel") is theirs; a rival's price stays
/// a claim.
#[test]
fn sponsor_tiers_pricing_pages_and_own_audiences() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "sponsor-tiers.md",
        "---\ntitle: t\n---\n\
         Gold sponsors contribute $25,000 a year; Silver sponsors contribute $10,000.\n\n\
         Kiteshell Pro costs $12 per month per seat. Open-source maintainers can use it for free: just email us.\n\n\
         Set `worker_connections` to 4096. On a 16-core box that gives you about 65,000 concurrent connections.\n\n\
         This year the conference welcomed 1,150 attendees, and all 62 talks are now up on our video channel.\n\n\
         Burrowterm's team plan is $19 per seat.\n",
    );
}

/// A seller's usual price beside the writer's discount stays a claim; a
/// newsroom's "what we know" does not make a section the publisher's own,
/// and a heading where the publisher tells of its own work does.
#[test]
fn retail_prices_and_a_newsrooms_we() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "retail-and-newsroom.md",
        "---\ntitle: t\n---\n\
         I bought the tablet for £279. It normally retails for £349, so the discount made it easy.\n\n\
         ## Moorland's first laptop: what we know\n\n\
         Pricing is expected to start at $499.\n\n\
         ## Things we achieved\n\n\
         Around 34,000 people told us their view.\n",
    );
}

/// A template tag after a paragraph's last sentence is that sentence's
/// source; an image after it is none. The writer's own migration, own game
/// and own next step are theirs.
#[test]
fn trailing_link_cards_and_own_work_in_japanese() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "link-card.md",
        "---\ntitle: t\n---\n\
         充電器は2030年に30万基に達する見込みだという。詳しくは以下のレポートを参照。\n\
         {{< linkcard \"https://example.jp/report/ev2025\" >}}\n\n\
         市場はこの5年で約2.5倍に拡大しました。![推移](https://example.com/chart.png)\n\n\
         本番環境を移行した結果、インフラ費用を約30%削減でき、デプロイも週2回から1日10回程度に増えました。\n\n\
         個人で作ったゲームが、半年で1万2,000本売れました。\n\n\
         運用に慣れてきたら99.9%に引き上げます。\n",
    );
}

/// Under a heading of a rollout's steps, every percentage is a step; a
/// setting left as it is is how-to; money the writer spent is theirs. A
/// paper's 「ロールアウト単位で見ると」 heading is no rollout of the writer's.
#[test]
fn rollout_sections_settings_left_alone_and_money_spent() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "rollout-section.md",
        "---\ntitle: t\n---\n\
         ## カナリアリリースの手順\n\n\
         1. 新バージョンをトラフィックの1%に流す\n\
         2. エラー率が0.1%未満なら10%、さらに50%へ広げる\n\n\
         `maxSurge` は 25% のままで問題ありません。\n\n\
         もう一本欲しくなって、結局2本で2万円近く使っています。\n\n\
         ## ロールアウト単位で見ると\n\n\
         ベースラインの 23.8% は証拠ゼロで完了していた。\n",
    );
}

/// Named speakers away from the usual frame ("X projects that", "X claims
/// 1.2 million", "…,” says the company's head of sales", 「…と東都経済新聞が
/// 報じた」), a figure sourced at its later mention, a shortcode straight
/// after 「。」; and groups, chatter and industry sources that name nobody.
#[test]
fn named_and_unnamed_speakers_of_the_fifth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "speakers-5.md",
        "---\ntitle: t\n---\n\
         Polaris Market Insight projects that the market will grow to $48 billion by 2029.\n\n\
         Ferrum MQ claims 1.2 million messages per second on a single node.\n\n\
         Gatefold sells mostly to factories. \"About half of our customers are in manufacturing,\" says the company's head of sales.\n\n\
         Cloud spending rose 22% last year.\n\n\
         That 22% figure comes from Caldwell Institute's retail index.\n\n\
         Teachers' unions say more than a third of staff have had no training yet.\n\n\
         Hallway chatter put the number of companies in the thousands.\n\n\
         According to a former engineer, deploys went up to 40 a day, across 300 developers.\n\n\
         業界筋によれば、同社の国内シェアは３．５％程度にすぎない。\n\n\
         ある業界団体の調べでは、利用世帯は全体の約8%だった。\n\n\
         セルフレジを全国の約9,000店舗に導入すると東都経済新聞が報じた。\n\n\
         需要は前年から25%増えた。{{< external_link url=\"https://example.org/semi\" text=\"業界団体の統計\" >}}にもとづく数字だ。\n",
    );
}

/// The writer's own shop, logs and trials, a release the writer announces,
/// a setting left as it is, the publisher's own offers, survey and news;
/// not a class short of applicants (定員割れ), hearsay beside an own
/// measurement, nor a market's size after a purchase.
#[test]
fn own_work_releases_and_offers_in_japanese_of_the_fifth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-work-5.md",
        "---\ntitle: t\n---\n\
         当店でもこの流れははっきり感じていて、昨年の買取件数は前年の1.5倍になりました。\n\n\
         うちでは、ログが月に800GB ほど溜まるので、保存料は月2,000円弱で済みます。\n\n\
         ワットチェッカーで実測したところ、推論中でも52Wほどでした。\n\n\
         推論速度は前世代の2倍とも言われていますが、手元の環境で測ったところ1.4倍程度でした。\n\n\
         Heronix Linux 42 をリリースしました。新しいインストーラーは起動が1.8倍速くなりました。\n\n\
         タイムアウトは30秒、リトライは最大3回にしておき、失敗したリクエストはキューに送ります。\n\n\
         本誌の読者限定でクーポンをご用意しました。先着200名までです。\n\n\
         本誌が読者1,200人を対象に実施したアンケートでは、43%が毎日使っていると回答した。\n\n\
         評議会選挙の結果をお知らせします。有権者412名のうち287名が投票し、投票率は約70%でした。\n\n\
         少子化の影響で、全国の公立高校の約2割が定員割れになっている。\n\n\
         協会のオンラインショップで、冊子版を2,200円で販売しています。会員は半額でお求めいただけます。\n\n\
         キーボードのキットを買いました。自作キーボードの市場は国内だけで数十億円規模とも言われています。\n",
    );
}

/// A noun an instruction could open on ("Budget models made up …"), a
/// company's ramp-up, a rollout's head counts, a market's going rate: not
/// how-to. A release announced, tickets, travel grants and sponsorship
/// tiers, and a list of what the writer heard (not theirs); a weight in a
/// first-person paragraph, "by a quarter", copies sold.
#[test]
fn instructions_rollouts_and_offers_in_english_of_the_fifth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "offers-5.md",
        "---\ntitle: t\n---\n\
         Budget models made up a quarter of the total.\n\n\
         Gross margin slipped to 51% as the company ramped up production.\n\n\
         The migration saves €2 million a year, and more than a third of staff have had no training. The rollout finishes in 2026, after 10% of schools go first.\n\n\
         Tickets for SazanamiConf 2025 are on sale now. Students can attend for ¥3,000. Conferences of this size typically spend more than $300,000.\n\n\
         We have set aside €20,000 for travel support this year. Grants cover up to €800 per person.\n\n\
         Gold sponsors contribute $25,000 a year.\n\n\
         Things we learned at the storage meetup:\n\n\
         - Most teams keep about 30% headroom.\n\n\
         Vireo's new X2 laptop weighs 1.2 kg. I had one on my desk for a week.\n\n\
         Sazanami 4.0 is here. Start-up time is down about 35%.\n\n\
         Velda Motors aims to cut battery costs by a fifth. Its manual sold 30,000 copies.\n",
    );
}

/// §3: a footnote written in HTML (`<sup>1</sup>`) is a source when a line
/// of the post opens on its definition; a superscript with none
/// (`O(n<sup>2</sup>)`) is no footnote.
#[test]
fn html_footnotes_with_a_definition() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "html-footnote.md",
        "---\ntitle: t\n---\n\
         The compiler holds over 380,000 lines of source<sup>1</sup> across its crates.\n\n\
         Hashing is O(n<sup>2</sup>) here, and 40,000 users hit it.\n\n\
         ---\n\n\
         <sup>1</sup> Counted by a contributor; see [the notes](https://example.com/notes).\n",
    );
}

/// A banknote named by its value, a package "99% working", an assumption
/// and a maker's self-report named are no unsourced claims; the same sums
/// as amounts are.
#[test]
fn banknotes_idioms_assumptions_and_self_reports() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "banknotes.md",
        "---\ntitle: t\n---\n\
         The new $10 bill is plastic. Each one costs $0.19 to print.\n\n\
         The package is 99% working now. Debian ships 40,000 packages.\n\n\
         Let's assume that 50% of users upgrade. Last year 30% did.\n\n\
         利用者は数百万人規模（Alibaba の自己申告）だ。一方、競合は1,000万人を超える。\n",
    );
}

/// An incident's queued events and delayed customers, a venue's capacity
/// and the project body's own shop are no claims; a sum worked out from
/// someone else's figures is ("…から4倍になる計算だ").
#[test]
fn incidents_venues_own_shops_and_own_sums() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "incidents-5.md",
        "---\ntitle: t\n---\n\
         ## Incident summary: delayed webhooks on 14 February\n\n\
         Roughly 12,000 events were queued, and 38 customers saw delays.\n\n\
         ## Tickets\n\n\
         The venue holds 800 people.\n\n\
         The print edition costs $28 from the Association's online shop.\n\n\
         2024年の約150億円から4倍になる計算だ。\n",
    );
}

/// A lead-in in which a named maker shows the figures sources the list
/// under it; a table that shows them names nobody.
#[test]
fn figures_a_named_maker_shows() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "shown-by.md",
        "---\ntitle: t\n---\n\
         OpenAI が示す普及指標は次のとおりです。\n\n\
         - 週次ユーザー数: 500 万人超\n\
         - 非開発者の割合: 全体の約 20%\n\n\
         次の表が示すとおり、利用者は約 30% 増えた。\n",
    );
}

/// Speakers of the sixth blind set: a kind of people or firms with a plural
/// verb names nobody; a named body whose verb the line's wrap parts from
/// its "that", a dateline's company, both parties of a deal, 同社 with
/// とした, and the writer's own count do; an unnamed firm, an industry body,
/// a maker that discloses nothing, and hearsay the writer read do not.
#[test]
fn speakers_and_sources_of_the_sixth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "speakers-6.md",
        "---\ntitle: t\n---\n\
         Larger publishers say the new fee could cost them 3-4% of revenue.\n\n\
         Landlords often say that 60% of tenants renew.\n\n\
         ISPs in the north say fibre reached 45% of homes.\n\n\
         Meanwhile the Tamsin Linux project reports\nthat RISC-V images now make up 12% of its downloads.\n\n\
         **OSLO, 3 March 2026** – Fjordline Systems today announced Beacon 2. Beacon 2 indexes logs up to 3x faster and serves over 500 customers.\n\n\
         Corvid Labs will give $120,000 in credits to the Tern Foundation, the two organisations announced on Monday.\n\n\
         ミナミ製菓は4月から値上げする。同社は、販売の減少は3%程度にとどまるとした。\n\n\
         他社の報告では5割以上下がった例もある。\n\n\
         業界団体によると、国内の出荷台数は年間80万台を超えた。\n\n\
         ネット上では「初日で5万台売れた」との声もある。メーカーは販売台数を公表していない。\n\n\
         By our rough count, about one-fifth of the mirrors still serve i686 images.\n\n\
         Harbor Staffing placed 2,406 nurses last year. That's our own data.\n\n\
         The charger we tested last week is said to deliver 140 W, but we never saw more than 90 W from it.\n\n\
         I read somewhere that the average commuter checks their phone 58 times a day, which sounds low to me.\n",
    );
}

/// Spans and figures of the sixth blind set: a counter before 目 is an
/// ordinal; grams, watt-hours, milliamp-hours, 本 in large numbers and 千
/// alone are read; "a quarter" as a subject is a share, its verb left out.
#[test]
fn spans_and_counters_of_the_sixth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "spans-6.md",
        "---\ntitle: t\n---\n\
         ナギ化学は国内4か所目の工場を建てる。\n\n\
         新型イヤホンは重さ約5.2グラムで、電池は年20ギガワット時分を調達する。\n\n\
         新作ゲームの約半数は1,000本も売れないと言われる。ストアには数百万本のアプリがある。\n\n\
         国内の利用企業は千社を超えるともいわれる。\n\n\
         - 重量: 約180g\n- バッテリー容量: 4,500mAh\n\n\
         Over 60% of councils lack a plan, and a quarter have no records at all.\n\n\
         記事は3本書きました。\n",
    );
}

/// The writer's own of the sixth blind set: 「うちの使い方だと」, a bracketed
/// product of 弊社 across its clauses, the publisher's job ad, a comma in a
/// figure that parts no clause, the steps of a reproduction and a list of
/// rules after a colon, a recommended practice, a release's credits;
/// not what everyone recommends, a shop's street price, a museum's fee.
#[test]
fn own_work_and_how_to_of_the_sixth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-work-6.md",
        "---\ntitle: t\n---\n\
         うちの使い方だと月200円もかからない。\n\n\
         弊社の会計SaaS「ソロバン」は導入社数2,000社を突破し、継続率は98%を超えています。\n\n\
         株式会社ヤマセミでは、SREを募集しています。フルリモート可、年収800万〜1,200万円。\n\n\
         We sold 8,240 copies in the first week and just over 15,000 to date.\n\n\
         To reproduce the run, set `lr=1e-4`. Expect the loss to settle near 2.1 after about 30,000 steps.\n\n\
         The rules we live by: keep six months of expenses in cash, put 10% of pay into savings.\n\n\
         Coaches love to recommend reserving 10–15% of each sprint for upkeep.\n\n\
         The harbour tour everyone recommends costs €22, though we skipped it.\n\n\
         Wren 3.1 is out today. We also closed 388 issues this cycle, thanks to 121 contributors.\n\n\
         私はセールで1万8,000円で購入しましたが、量販店での実売価格は2万円前後です。\n\n\
         美術館の入館料は一般1,200円。私たちは前売り券を買っていたので、1,000円で入れました。\n\n\
         The dataset has 2.4 million images, which sounds like a lot until you set it next to the 3 billion pairs that web-scale models use.\n",
    );
}

/// Figures as the seventh blind set's writers space them (「1 兆 8,000 億円」,
/// 「600 億〜 650 億ドル」, 「3 分の 1」), and "9 out of 10".
#[test]
fn spaced_japanese_figures_of_the_seventh_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "spaced-7.md",
        "---\ntitle: t\n---\n\
         国内市場は 1 兆 8,000 億円規模で、飼育数は約 680 万頭だ。\n\n\
         設備投資は 600 億〜 650 億ドル、売上は 600 億ドルから 650 億ドルの見込みだ。\n\n\
         実運用ではその 3 分の 1 程度に落ちるという報告も多い。\n\n\
         Why 9 out of 10 newsletters stall in their first year.\n\n\
         2024 年に 3 件目の事例が出た。\n",
    );
}

/// Sources of the seventh blind set: a sentence about where the figures are
/// from, 「まとめでは」, a named body's warning, a filing, counts and a test
/// run named; not a source nobody could find, foreign media, nearby clinics,
/// every newsletter, an unnamed researcher, what the writer is told or hears,
/// a group of users, an earlier post of the site's, nor 「…ようとしている」.
#[test]
fn sources_of_the_seventh_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "sources-7.md",
        "---\ntitle: t\n---\n\
         市内の空き家は約 2 万 3 千戸、住宅全体の 12.4% にのぼる。数字はいずれも青葉市の「住宅統計 2024」による。\n\n\
         青葉観光協会のまとめでは、夏の来訪者は前年比 9% 増の 41 万人だった。\n\n\
         青葉セキュリティ連絡会は、影響を受けるサーバーが約 1,800 台あるとして注意を呼びかけた。\n\n\
         「利用企業の 6 割以上が移行を検討している」という話を見かけますが、出典は見つけられませんでした。\n\n\
         米メディアによると、買収額は約 3 億ドルだ。\n\n\
         近隣の薬局によると、花粉症の薬の売れ行きは例年の 1.8 倍だという。\n\n\
         全国では 1,500 人を超えるとの推計もある。各地の教育委員会は、再任用で穴を埋めようとしている。\n\n\
         Coffee prices have risen nearly 3x since 2021, according to every trade newsletter I read.\n\n\
         Stolen logins sell for $40 each, according to a threat intelligence researcher.\n\n\
         Podcasts now take about a fifth of audio ad spend, I'm told.\n\n\
         We often hear that Kestrel is used by more than 300 companies.\n\n\
         Halden's annual filing shows it paid its chief executive $9.1 million last year.\n\n\
         Traffic counts from the County Roads Office show 7,200 vehicles cross the bridge each day.\n\n\
         In our ecosystem test run, 91% of the 500 most-used packages built without changes.\n\n\
         As we noted in [an earlier analysis](/2025/03/ai-share/), around 55% of new code is written with AI help.\n\n\
         - (08:15) Mara says roughly 40% of small studios never break even\n\n\
         Embedded users on the mailing list say tens of thousands of boards still run it.\n",
    );
}

/// The writer's and the publisher's own of the seventh blind set, and what
/// is someone else's though the writer stands near it.
#[test]
fn own_and_others_of_the_seventh_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-7.md",
        "---\ntitle: t\n---\n\
         Anthropic は 2026 年 5 月に約 90 万件のセッションを分析しました。\n\n\
         中古で買いました。相場はおよそ 7 万円ですが、店頭のセールで 5 万 8,000 円でした。\n\n\
         ## 調査\n\n\
         私たちは 4 月に公開サーバーをスキャンしました。その結果、認証なしのインスタンスが 1,120 件見つかりました。\n\n\
         当店で先月とったアンケートでは、お客様の 68% が「また来たい」と答えてくださいました。\n\n\
         リスナーアンケートには 420 件の回答をいただきました。回答者の 7 割がエンジニアです。\n\n\
         本紙の集計では、県内の欠員は 90 人超にのぼる。\n\n\
         町では、空き家を改修する場合に最大 80 万円を補助します。\n\n\
         他社の同等プランは月額 2,800 円以上が一般的ですが、私たちは個人の方にも使っていただけるよう、ベーシックプランを月額 1,280 円に据え置きます。\n\n\
         登山人口は約 800 万人まで増えたそうで、ある山小屋の主人は「定員を増やしても足りない」とこぼしていた。\n\n\
         ひとり親世帯の半数近くが困窮しているといわれます。私たちの教室にも申し込みが増えました。\n\n\
         ## April status report\n\n\
         Uptime for April was 99.97%.\n\n\
         ## March release\n\n\
         - Imports are now up to 4x faster for large projects.\n\n\
         ## Shop\n\n\
         Preorders are open: $3.99 for the ebook and $12.99 for the paperback.\n\n\
         Every gift made before 31 December will be matched, up to $20,000, by the Harlow Fund.\n\n\
         Registration for the Ridge Trail 30K opens on 1 March. Entry is $75 until April.\n\n\
         Starting 1 October, the Team plan costs $14 per seat. Existing customers keep their current price.\n\n\
         Please use paper bags and keep each one under 15 kg.\n",
    );
}

/// Sources and their absence, of the stop that opened the eighth blind
/// set: a named document outweighs 「とされる」; a footnote's label names no
/// report; an unnamed executive or expert is nobody.
#[test]
fn sources_of_the_eighth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "sources-8.md",
        "---\ntitle: t\n---\n\
         ソラマメ証券のレポートでは、国内の暗号資産口座は 1,200 万口座を超えたとされる。\n\n\
         海外の調査では、約 4 割が導入済みとされる。\n\n\
         Kestrelの公式ブログでは「最大5倍速い」とうたっている。\n\n\
         ある大手メーカーの幹部も、部材コストは年 2 割上がると指摘する。\n\n\
         専門家によると、空き家の 3 割程度は修繕が必要だ。\n\n\
         隣町の人口は 10 年前の 1.5 倍になったとか。\n\n\
         先月の大雨では、県内だけで数千棟が浸水したといわれている。私の家も床下まで水が来た。\n\n\
         The Harbor Transit Authority's latest count shows 48,000 daily riders.\n\n\
         Half of renters feel priced out — the headline finding from the Tenant Union's annual survey.\n\n\
         About 30 percent of drivers would switch to trains if fares fell[^poll].\n\n\
         Northgate Energy aims to build 1,200 chargers along the I-90 corridor by 2029.\n\n\
         Electricity in Hawaii averages more than 40 cents per kWh.\n\n\
         The new drive is rated for reads of up to 12,000 MB/s.\n",
    );
}

/// The publisher's and the writer's own of the stop that opened the eighth
/// blind set: a provider's keigo, an SLO section, a rollout's steps, an
/// outage told to its own customers, a sum on an assumption.
#[test]
fn own_and_how_to_of_the_eighth_blind_set() {
    assert_snapshot_of(
        "unsupported-numeric-claim",
        "own-8.md",
        "---\ntitle: t\n---\n\
         株式会社ツバメ工房では、請求書作成サービス「Hane」を提供しています。料金は月額1,500円から。今なら初月30%オフでお試しいただけます。\n\n\
         株式会社ミナモでは、サイト診断を1回5万円から承っています。\n\n\
         ゴールド（50万円）、シルバー（20万円）の2プランをご用意しています。\n\n\
         手元で計ったスコアは、前モデル比で約9%伸びた。\n\n\
         土曜の例会には22人が参加しました。\n\n\
         10時12分から約30分間、決済リクエストの約6%が失敗しました。影響を受けたお客様は約900社です。\n\n\
         1日の問い合わせを5,000件とすると、月の費用はざっと30万円になる。\n\n\
         数千人規模では、全社に一度に展開しないほうがいい。\n\n\
         この 10 年で、国内の自転車通勤者は約 2 倍になった。\n\n\
         Between 09:10 and 09:40 UTC, about 12% of uploads failed, and roughly 2,400 customers saw errors. The root cause was an expired certificate.\n\n\
         New releases go to 2% of traffic, then 20%, then 100%.\n\n\
         Annual billing saves 20%.\n\n\
         Registration is $40 for members and $55 for everyone else.\n\n\
         ## SLO\n\n\
         - 可用性: 月間99.95%以上\n\
         - エラー率: 0.1%未満\n",
    );
}
