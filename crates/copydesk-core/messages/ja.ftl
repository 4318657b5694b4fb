# copydesk のメッセージ(日本語)。en.ftl と同じ id を持ち、同じ値を使う
# (英語で複数形を選ぶためだけの値は使わなくてよい)。{ $name } はコードが埋める値。
# 文体: 指摘と help は敬体(です・ます)、help の指示は「〜してください」。
# クイックフィックスの名前は VS Code のメニューに並ぶので「〜する」で終える。
# ルールの概要は一覧表の見出しなので常体の言い切り(「〜がない」)。
# 部品(型名、値、件数など)は名詞句。
# 表記: 句読点は全角の「、」「。」「？」。括弧 ( ) とコロン ": " は半角で、
# 「(」の前と「)」の後には空白を入れない。和文と英数字・コード(`…`)の間には
# 半角空白を入れる。範囲は「〜」。
# 用語: front matter = フロントマター、field = フィールド、item = 項目、
# finding = 指摘、fix = 修正、vocabulary = 語彙、alias = 別名、
# suppression = 抑制、generator = ジェネレーター、offset = タイムゾーンのオフセット、
# excerpt = 抜粋、template = テンプレート、figure = 数字(rules/ja/ の用語に合わせる)。

## 共通

list-or = { $earlier }または{ $last }

## broken-text

broken-text-replacement = 置換文字 U+FFFD があります。ここにあった文字が失われています
broken-text-replacement-help = 文字コードの変換か、文字の途中での切り詰めによって置き換わった文字です。元の文字に戻してください
broken-text-control = 制御文字 U+{ $code } が含まれています
broken-text-c0-help = 目に見えず、読者にも必要のない文字です。削除してください
broken-text-c1-help = Windows-1252 のテキストを Latin-1 としてデコードすると、引用符やダッシュの代わりにこうした文字が現れます
broken-text-delete-control = 制御文字を削除する
broken-text-replace-windows-1252 = `{ $character }` に置き換える(Windows-1252)
broken-text-lone-surrogate = 対になっていない UTF-16 サロゲートのエスケープがあります。文字の半分だけが残っています
broken-text-lone-surrogate-help = 対のもう半分が失われています。本来の文字に戻してください
broken-text-private-use = 私用領域の文字 U+{ $code } があります。多くのフォントでは四角で表示されます
broken-text-private-use-help = アイコンフォントか変換ミスに由来する文字です。本来の文字に置き換えてください

## duplicated-title

duplicated-title-repeated = タイトルが本文でも繰り返されています
duplicated-title-top-help = ページのテンプレートがタイトルを表示します。この行を削除してください
duplicated-title-restart-help = ジェネレーターが複数の記事をつなげたため、記事ごとのタイトルがここに残っています。記事を一つに絞るか、繰り返したタイトルを削除してください
duplicated-title-delete = 繰り返したタイトルを削除する
duplicated-title-near = この行はタイトルをほぼそのまま繰り返しています
duplicated-title-near-help = タイトルを言い換えただけの本文の行は、たいていタイトルを書き直したときの消し忘れです。削除するか書き換えてください
duplicated-title-delete-near = タイトルとほぼ同じ行を削除する

## field-type

field-type-string = 文字列
field-type-integer = 整数
field-type-number = 数値
field-type-boolean = 真偽値
field-type-date = 日付
field-type-datetime = 日時
field-type-list = 文字列のリスト
field-type-enum = 指定できる値のいずれか
field-type-emoji = 絵文字 1 文字
value-string = 文字列 "{ $text }"
value-integer = 整数 { $value }
value-number = 数値 { $value }
value-boolean = 真偽値 { $value }
value-other = { $kind }
field-type-empty = `{ $key }` は空にできません
field-type-item-not-string = `{ $key }` の項目は文字列にしてください(現在の値: { $actual })
field-type-item-not-string-help = 項目を引用符で囲んでください
field-type-wrong-type = `{ $key }` は{ $expected }にしてください(現在の値: { $actual })
field-type-not-allowed = `{ $key }: { $value }` は指定できる値({ $allowed })のいずれでもありません
field-type-quote-help = 値を引用符で囲んで文字列にしてください
field-type-wrong-type-help = 値を宣言どおりの型に直すか、`.copydesk.yml` のスキーマを修正してください
field-type-between = { $min } 以上 { $max } 以下
field-type-at-least = { $min } 以上
field-type-at-most = { $max } 以下
field-type-out-of-bounds = `{ $key }` が { $value } になっています。{ $bounds }にしてください
field-type-too-long = `{ $key }` が { $length } 文字あります。{ $max } 文字以内にしてください
field-type-too-short = `{ $key }` が { $length } 文字しかありません。{ $min } 文字以上にしてください
field-type-no-match = `{ $value }` がパターン `{ $pattern }` に一致しません
field-type-item-too-long = `{ $item }` が { $length } 文字あります。`{ $key }` の項目は { $max } 文字以内にしてください
field-type-bad-date = `{ $key }`: { $problem }
field-type-offset-help = タイムゾーンのオフセットは +HH:MM の形式で、-12:00 から +14:00 までの範囲で書いてください
field-type-date-help = 日付は YYYY-MM-DD の形式で書いてください。後ろに HH:MM:SS とタイムゾーンのオフセットを付けてもかまいません
field-type-file-name-date = 日付は { $date } ですが、ファイル名では { $named } になっています
field-type-file-name-date-help = Jekyll はフロントマターの日付を使います。ファイル名か日付を修正してください
field-type-future = 日付 { $date } が未来になっています
field-type-future-help = Jekyll と Hugo は、--future を付けてビルドしないかぎり未来の日付の記事を出力しません
field-type-yaml11-boolean = `{ $raw }` は copydesk と Hugo では文字列ですが、Jekyll(YAML 1.1)では `{ $meaning }` になります
field-type-yaml11-boolean-help = 真偽値にするなら `{ $meaning }` と書き、文字列にするなら "{ $raw }" と引用符で囲んでください
field-type-split-string = Jekyll は `{ $key }: { $text }` を空白で区切り、{ $count } 個の項目として読みます
field-type-split-string-help = 区切りが目に見えるよう、項目をリストで書いてください
field-type-split-string-fix = Jekyll が読むとおりに項目をリストで書く
date-format = Jekyll が読める日付ではありません。`2025-11-20`、`2025-11-20 08:43:29 +0000`、ISO 8601 のいずれかの形式で書いてください
date-not-a-day = { $date } は暦に存在しない日付です
date-not-a-time = { $time } は存在しない時刻です
date-impossible-offset = タイムゾーンのオフセット { $offset } はありえません。オフセットは -12:00 から +14:00 までの範囲です
kind-null = null
kind-boolean = 真偽値
kind-integer = 整数
kind-number = 数値
kind-string = 文字列
kind-datetime = 日時
kind-list = リスト
kind-mapping = マッピング

## reading-time

reading-time-implausible = 読了時間が { $declared } 分になっていますが、本文はおよそ { $estimate } 分で読めます({ $counts })
reading-time-help = 読者によって { $fastest }〜{ $slowest } 分かかります。{ $estimate } 分程度にしてください
reading-time-fix = `{ $key }` を { $estimate } にする
reading-time-cjk-characters = 和文 { $shown } 字
reading-time-words = 欧文 { $shown } 語
reading-time-images = 画像 { $shown } 枚
list-and = { $earlier }、{ $last }

## required-field

required-field-missing = 必須フィールド `{ $field }` がありません
required-field-missing-help = フロントマターに `{ $field }` を追加してください
required-field-empty = 必須フィールド `{ $field }` が空です
required-field-empty-help = `{ $field }` に値を設定してください

## tag-vocabulary

tag-empty-list = `{ $field }` が空のリストになっています
tag-empty-list-help = 項目を一つ以上追加するか、`{ $field }` を削除してください
tag-empty-item = `{ $field }` に空の項目があります
tag-empty-item-help = 空の項目を削除するか、タグを書き入れてください
tag-empty-item-fix = 空の項目を削除する
tag-listed-twice = `{ $tag }` が `{ $field }` に 2 回書かれています
tag-repeats = `{ $tag }` は `{ $field }` の `{ $first }` と重複しています
tag-repeat-help = 重複した項目を削除してください
tag-repeat-fix = 重複した項目を削除する
tag-too-many = `{ $field }` の項目が { $count } 個あります。{ $max } 個までにしてください
tag-too-many-help = 記事の内容を最もよく表す { $max } 個を残してください
tag-variant = `{ $tag }` は { $field } の語彙では `{ $name }` と表記します
tag-variant-fix = `{ $name }` と表記する
tag-alias = `{ $tag }` は `{ $name }` の別名です
tag-replace-fix = `{ $name }` に置き換える
tag-unknown = `{ $tag }` は { $field } の語彙にありません
tag-unknown-help = { $path } にあるタグから選ぶか、`{ $tag }` をその語彙に追加してください
tag-unknown-did-you-mean = `{ $tag }` は { $field } の語彙にありません。{ $names } のことですか？

## unsupported-numeric-claim

numeric-claim = `{ $figure }` に出典がありません
numeric-claim-help = 出典へのリンクか脚注を付けるか、本文で出典を示してください(「〜によると」「according to …」など)

## front-matter-syntax

front-matter-missing = フロントマターがありません。ファイルは `---`(YAML)か `+++`(TOML)の行で始めてください
front-matter-missing-help = 少なくとも `title` を含むフロントマターを追加してください
front-matter-unterminated = ここで始まる { $format } のフロントマターが閉じられていません
front-matter-unterminated-help = 開始と同じ区切り記号だけを書いた行で、ブロックを閉じてください
front-matter-one-line = フロントマターが 1 行にまとめられています。区切り記号とキーは、それぞれ別の行に書いてください
front-matter-one-line-help = 1 行目に `---`、続けて `key: value` を 1 行に一つずつ、最後の行に `---` を書いてください
front-matter-not-mapping = フロントマターは `key: value` の行からなるマッピングにしてください(読み取った型: { $kind })
front-matter-not-mapping-help = フロントマターは `key: value` の行で書いてください
front-matter-yaml = YAML として解析できません: { $detail }
front-matter-yaml-unclosed = YAML として解析できません: { $what }が閉じられていません({ $detail })
front-matter-unclosed-list = `[` で始まるリスト
front-matter-unclosed-mapping = `{"{"}` で始まるマッピング
front-matter-unclosed-quote = 引用符で始まる文字列
front-matter-toml = TOML として解析できません: { $detail }
front-matter-unparsable-help = 示した箇所の構文を直してください。`:` を含む値や記号で始まる値は、引用符で囲んでください
front-matter-duplicate-key = キー `{ $key }` が重複しています。ここで再び設定されており、Jekyll は後にあるこの値を使います
front-matter-duplicate-key-help = 二つのうち、どちらか一方だけを残してください

## invalid-encoding

encoding-invalid-utf8 = { $offset } バイト目が UTF-8 として正しくありません。ファイルを UTF-8 で保存してください
encoding-utf16-big-endian = ファイルが UTF-16(ビッグエンディアン)で保存されています。UTF-8 で保存し直してください
encoding-utf16-little-endian = ファイルが UTF-16(リトルエンディアン)で保存されています。UTF-8 で保存し直してください
encoding-binary = { $offset } バイト目に NUL バイトがあります。バイナリファイルのようです
encoding-help = ファイルを UTF-8 のテキストとして保存し直してください

## unused-suppression

suppression-unused = この抑制コメントは何も抑制していません
suppression-unknown-rule = 抑制コメントで指定したルール `{ $rule }` は存在しません
suppression-rule-unused = ここで `{ $rule }` を抑制していますが、抑制する指摘がありません
suppression-unused-help = コメントを削除するか、コメントからそのルール名を削除してください

## サイト全体のルール

list-and-more = { $shown } ほか { $more } 件
site-duplicate-title = { $posts } と同じタイトルです
site-duplicate-title-help = 読者にも検索エンジンにも記事の区別がつきません。それぞれのタイトルで、その記事ならではの内容を示してください
site-shared-excerpt = { $count } 件の記事がこの抜粋を共有しています
site-excerpt-template = { $count } 件の記事が、一つのテンプレートを埋めただけの抜粋を使っています: `{ $template }`
site-excerpt-help = この記事の内容をまとめた抜粋を書いてください。抜粋は記事一覧やリンクのプレビューに表示されます

## パックのルール

pack-occurrence = { $message }({ $count } 回。上限は { $max } 回)
pack-consistency = { $message }(ここは「{ $minority }」、ほかの { $count } か所は「{ $majority }」)
pack-consistency-in-blocks = { $message }({ $blocks ->
        [paragraphs] 本文
        [headings] 見出し
        [list-items] この箇条書き
       *[other] 表のセル
    }のここは「{ $minority }」、ほかの { $count } か所は「{ $majority }」)
pack-consistency-preferred = { $message }(ここは「{ $form }」。設定で「{ $preferred }」を指定しています)
pack-replace-fix = `{ $replacement }` に置き換える

## ルールの概要: `rule-<name>`。`copydesk rules` と SARIF に表示する

rule-boilerplate-excerpt = 多くの記事が同じ抜粋を使っている(サイト全体)
rule-broken-text = テキストに置換文字、制御文字、対になっていないサロゲート、私用領域の文字がある
rule-duplicate-title-across-posts = 同じタイトルの記事が複数ある(サイト全体)
rule-duplicated-title = フロントマターのタイトルが本文でも繰り返されている
rule-field-type = フロントマターのフィールドの型が誤っている、日付が存在しない、または制約に違反している
rule-front-matter-syntax = フロントマターがない、閉じていない、解析できない、マッピングでない、またはキーが重複している
rule-invalid-encoding = ファイルが UTF-8 のテキストではない
rule-reading-time = 記載された読了時間が本文の分量に見合わない
rule-required-field = 必須フィールドがフロントマターにない、または空になっている
rule-tag-vocabulary = タグやカテゴリーが語彙にない、重複している、多すぎる、または空になっている
rule-unsupported-numeric-claim = 読者が出典を求める数字に出典がない
rule-unused-suppression = copydesk-disable コメントが何も抑制していない

## コマンドラインの集計行。部品ごとに組み立て、各部品はそれまでの行を `$line` で受け取る

summary-checked = ファイル { $files } 件を検査: エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
summary-fixable = { $line }(うち修正可能 { $count } 件)
summary-baselined = { $line }、ベースライン登録済みの指摘 { $count } 件
summary-stale-baseline = { $line }、どの指摘とも一致しなくなったベースラインの項目 { $count } 件(--prune-baseline で削除できます)
summary-failures = { $line }、読み書きできなかったパス { $count } 件
summary-end = { $line }。
summary-fixed = ファイル { $files } 件で問題 { $count } 件を修正しました。
summary-would-fix = ファイル { $files } 件で問題 { $count } 件を修正できます。
summary-fixes-then = { $fixed }{ $line }

## --statistics

statistics-all-fixable = [*] すべて修正可能
statistics-fixable = [*] 修正可能 { $count } 件

## SARIF

sarif-pack-rule = `{ $pack }` パックのルール `{ $rule }`
sarif-pack-rule-help = 詳しくは `{ $pack }` ルールパックか `copydesk explain { $rule }` を参照してください。

## 言語サーバー

lsp-config-error = copydesk の設定を読み込めません: { $error }
lsp-mentioned-again = ここにも出てきます
lsp-fix-all = copydesk の問題をすべて修正する
lsp-disable-for-line = この行で { $rule } を無効にする
lsp-hover-more = 詳しくは `copydesk explain { $rule } --lang ja`
hover-reading-time = **読了時間**: およそ { $estimate } 分({ $counts })。

    速く読む人なら { $fast } 分、ゆっくり読む人なら { $slow } 分かかります。copydesk は { $lowest }〜{ $highest } 分を妥当とみなします。
hover-unknown-tag = `{ $tag }` は { $field } の語彙にありません。
hover-aliases = 別名: { $aliases }
completion-alias-of = { $name } の別名

## human 形式

human-fix-available = 修正案: { $fix }
human-also-at = { $lines } 行目にもあります{ $more ->
    [0] {""}
   *[other] (ほか { $more } か所)
}

## コマンドライン自身のメッセージ。標準エラーに `copydesk: ` に続けて出す

cli-error = { $error }
cli-path-error = { $path }: エラー: { $error }
cli-config-error = 設定エラー: { $error }
cli-cannot-write = { $what } を書き込めません: { $error }
cli-cannot-write-cache = { $folder } にキャッシュを書き込めません: { $error }
cli-cannot-read-stdin = 標準入力を読めません: { $error }
cli-stdin-needs-filename = 標準入力を読むには、設定とレポートのために --stdin-filename PATH が必要です
cli-statistics-format = --statistics は表を出力します。--format human、concise、json のいずれかと使ってください
cli-the-report = レポート
cli-the-vocabulary = 語彙
cli-wrote-baseline = 指摘 { $count } 件を { $path } に書き込みました
cli-pruned-baseline = { $path } から一致しなくなった項目 { $count } 件を削除しました
cli-unsettled = { $path }: { $rounds } 回繰り返しても修正が収束しませんでした: { $rules }
cli-wrote-report = 記事 { $count } 件についてのレポートを { $path } に書き込みました
cli-wrote-vocabulary = 記事 { $count } 件から `{ $field }` の語彙を書き出しました
cli-init-exists = { $path } はすでにあります。copydesk init は上書きしません
cli-init-wrote-vocabulary = 記事 { $count } 件の `{ $field }` から { $path } を書き込みました
cli-init-wrote-config = { $reason } 向けの .copydesk.yml を書き込みました(プリセット: { $preset })
cli-init-japanese-pack = 読んだ { $read } 件の記事のうち { $count } 件が日本語のため、ja-technical-writing パック(textlint の ja-technical-writing プリセット相当)をオンにしました。不要なら `packs` から外してください
cli-init-first-party = 読んだ { $read } 件の記事タイトルのうち { $count } 件が { $name } を含みます。このサイト自身のプロジェクトなら、.copydesk.yml の `first-party` のコメントを外すと、その価格・リリース・件数は出典の要る数値として報告されなくなります
cli-check-first-party-hint = 記事タイトル { $read } 件のうち { $count } 件が { $name } を含み、設定ファイルは使われていません。{ $name } がこのサイト自身のプロジェクトなら、`unsupported-numeric-claim` の `first-party: [{ $name }]` で、その数値は出典の要る主張でなく自らの事実として扱われます(今回 { $claims } 件を報告)。`copydesk init` がコメントアウトして書き込みます
cli-unknown-rule = ルール `{ $rule }` はありません。`copydesk rules` で一覧を表示できます
cli-unknown-rule-did-you-mean = ルール `{ $rule }` はありません。`{ $name }` のことですか？

## HTML レポート(`copydesk report`)。<b> の中の値はコードが書く

report-title = copydesk レポート: { $site }
report-heading = copydesk レポート
report-posts = 記事 { $count } 件
report-findings = 指摘 { $count } 件
report-implausible = 読了時間 { $total } 件のうち { $count } 件が本文に見合わない
report-duplicate-titles-count = 重複したタイトル { $count } 件
report-findings-per-rule = ルールごとの指摘
report-rule = ルール
report-findings-column = 指摘
report-worst-posts = 指摘の多い記事
report-post = 記事
report-by-rule = ルール別
report-reading-time = 記載された読了時間と推定値
report-reading-time-help = 点は一つひとつの記事です。網掛けの帯が、記載として妥当な範囲です。赤い点はその外にあります。
report-scatter-label = 記載された読了時間と推定値
report-estimated-minutes = 推定(分)
report-declared-minutes = 記載(分)
report-findings-by-month = 記事の月ごとの指摘
report-tags = タグとカテゴリー
report-tag = タグ
report-posts-column = 記事
report-variants = 表記ゆれ
report-near-duplicates = よく似たタグ:
report-site-wide = サイト全体のチェック
report-duplicate-titles = 重複したタイトル
report-title-column = タイトル
report-boilerplate = 使い回された抜粋
report-excerpt-column = 抜粋またはテンプレート
report-footer = { $command } で作成しました。パスはそれぞれの記事にリンクしています。
cli-rules-rule = ルール
cli-rules-default = 既定
cli-rules-fix = 修正
cli-rules-summary = 概要
cli-pack-rule-page = `{ $pack }` パックのルールです(rules/packs/{ $pack }.yml)。
cli-pack-rule-level = 既定の重さ: { $level }。
