# copydesk のメッセージ(日本語)。en.ftl と同じ id を持ち、同じ値を使う
# (英語で複数形を選ぶためだけの値は使わなくてよい)。{ $name } はコードが埋める値。
# 文体: 指摘と help は敬体(です・ます)、help の指示は「〜してください」。
# クイックフィックスの名前は VS Code のメニューに並ぶので「〜する」で終える。
# ルールの概要は一覧表の見出しなので常体の言い切り(「〜がない」)。

## 共通

list-or = { $earlier }または{ $last }

## broken-text

broken-text-replacement = 置換文字 U+FFFD があります。ここで文字が失われています
broken-text-replacement-help = 変換や文字の途中での切断で置き換わったものです。元の文字に戻してください
broken-text-control = 本文に制御文字 U+{ $code } があります
broken-text-c0-help = 目に見えず、読者にも不要な文字です。削除してください
broken-text-c1-help = Windows-1252 の文章を Latin-1 として読むと、引用符やダッシュの代わりにこの文字が現れます
broken-text-delete-control = 制御文字を削除する
broken-text-replace-windows-1252 = `{ $character }` に置き換える(Windows-1252)
broken-text-lone-surrogate = 対になっていない UTF-16 サロゲートのエスケープです。文字の半分しかありません
broken-text-lone-surrogate-help = 対のもう半分が失われています。元の文字に戻してください
broken-text-private-use = 私用領域の文字 U+{ $code } があります。多くのフォントで豆腐(□)になります
broken-text-private-use-help = アイコンフォントか変換ミスに由来する文字です。本来の文字に置き換えてください

## duplicated-title

duplicated-title = タイトルが本文でも繰り返されています
duplicated-title-top-help = ページのテンプレートがタイトルを表示します。この行を削除してください
duplicated-title-restart-help = 生成ツールが複数の記事をそれぞれのタイトルごとにつなげています。記事を一つに絞るか、繰り返したタイトルを削除してください
duplicated-title-delete = 繰り返したタイトルを削除する
duplicated-title-near = この行はタイトルとほぼ同じです
duplicated-title-near-help = タイトルを言い換えた本文の行は、タイトルを書き直したときの消し忘れであることが多いです。削除するか書き換えてください
duplicated-title-delete-near = タイトルとほぼ同じ行を削除する

## field-type

field-type-string = 文字列
field-type-integer = 整数
field-type-number = 数値
field-type-boolean = 真偽値
field-type-date = 日付
field-type-datetime = 日時
field-type-list = 文字列のリスト
field-type-enum = 許可された値のいずれか
field-type-emoji = 絵文字 1 文字
value-string = 文字列 "{ $text }"
value-integer = 整数 { $value }
value-number = 数値 { $value }
value-boolean = 真偽値 { $value }
value-other = { $kind }
field-type-empty = `{ $key }` を空にはできません
field-type-item-not-string = `{ $key }` の項目は文字列にしてください。{ $actual } になっています
field-type-item-not-string-help = 項目を引用符で囲んでください
field-type-wrong-type = `{ $key }` は{ $expected }にしてください。{ $actual } になっています
field-type-not-allowed = `{ $key }: { $value }` は許可された値({ $allowed })のいずれでもありません
field-type-quote-help = 引用符で囲むと文字列になります
field-type-wrong-type-help = 値を宣言された型にするか、`.copydesk.yml` のスキーマを直してください
field-type-between = { $min } 以上 { $max } 以下
field-type-at-least = { $min } 以上
field-type-at-most = { $max } 以下
field-type-out-of-bounds = `{ $key }` が { $value } です。{ $bounds }にしてください
field-type-too-long = `{ $key }` が { $length } 文字あります。{ $max } 文字以内にしてください
field-type-too-short = `{ $key }` が { $length } 文字しかありません。{ $min } 文字以上にしてください
field-type-no-match = `{ $value }` がパターン `{ $pattern }` に合いません
field-type-item-too-long = `{ $item }` が { $length } 文字あります。`{ $key }` の項目は { $max } 文字以内にしてください
field-type-bad-date = `{ $key }`: { $problem }
field-type-offset-help = 時差は +HH:MM の形で、-12:00 から +14:00 の範囲で書いてください
field-type-date-help = 日付は YYYY-MM-DD の形で書いてください。HH:MM:SS と時差を続けてもかまいません
field-type-file-name-date = 日付は { $date } ですが、ファイル名では { $named } になっています
field-type-file-name-date-help = Jekyll はフロントマターの日付を使います。ファイル名か日付を直してください
field-type-future = 日付 { $date } は未来です
field-type-future-help = Jekyll と Hugo は --future を付けないかぎり未来の記事を出力しません
field-type-yaml11-boolean = `{ $raw }` は copydesk と Hugo では文字列ですが、Jekyll(YAML 1.1)では `{ $meaning }` です
field-type-yaml11-boolean-help = 真偽値なら `{ $meaning }` と書き、文字列なら "{ $raw }" と引用符で囲んでください
field-type-split-string = Jekyll は `{ $key }: { $text }` を空白で区切り、{ $count } 個の項目として読みます
field-type-split-string-help = 区切りが見えるよう、項目をリストで書いてください
field-type-split-string-fix = Jekyll が読むとおりの項目をリストで書く
date-format = Jekyll が読める日付ではありません。`2025-11-20`、`2025-11-20 08:43:29 +0000` または ISO 8601 の形で書いてください
date-not-a-day = { $date } は暦にない日付です
date-not-a-time = { $time } はありえない時刻です
date-impossible-offset = 時差 { $offset } はありえません。時差は -12:00 から +14:00 の範囲です
kind-null = null
kind-boolean = 真偽値
kind-integer = 整数
kind-number = 数値
kind-string = 文字列
kind-datetime = 日時
kind-list = リスト
kind-mapping = マッピング

## reading-time

reading-time = 読了時間が { $declared } 分になっていますが、本文はおよそ { $estimate } 分で読めます({ $counts })
reading-time-help = 読むのにかかるのは { $fastest }〜{ $slowest } 分です。{ $estimate } 分前後にしてください
reading-time-fix = `{ $key }` を { $estimate } にする
reading-time-cjk-characters = 和文 { $shown } 字
reading-time-words = 欧文 { $shown } 語
reading-time-images = 画像 { $shown } 枚
list-and = { $earlier }、{ $last }

## required-field

required-field-missing = 必須の項目 `{ $field }` がありません
required-field-missing-help = フロントマターに `{ $field }` を追加してください
required-field-empty = 必須の項目 `{ $field }` が空です
required-field-empty-help = `{ $field }` に値を入れてください

## tag-vocabulary

tag-empty-list = `{ $field }` が空のリストです
tag-empty-list-help = 項目を一つ以上入れるか、`{ $field }` を削除してください
tag-empty-item = `{ $field }` に空の項目があります
tag-empty-item-help = 削除するか、タグを書いてください
tag-empty-item-fix = 空の項目を削除する
tag-listed-twice = `{ $tag }` が `{ $field }` に二度あります
tag-repeats = `{ $tag }` は `{ $field }` の `{ $first }` と同じです
tag-repeat-help = 重複した項目を削除してください
tag-repeat-fix = 重複した項目を削除する
tag-too-many = `{ $field }` の項目が { $count } 個あります。{ $max } 個までにしてください
tag-too-many-help = 記事をよく表す { $max } 個を残してください
tag-variant = `{ $tag }` は { $field } の語彙では `{ $name }` と書きます
tag-variant-fix = `{ $name }` と書く
tag-alias = `{ $tag }` は `{ $name }` の別名です
tag-replace-fix = `{ $name }` に置き換える
tag-unknown = `{ $tag }` は { $field } の語彙にありません
tag-unknown-help = { $path } のタグから選ぶか、`{ $tag }` をそこに追加してください
tag-unknown-did-you-mean = `{ $tag }` は { $field } の語彙にありません。{ $names } のことですか?

## unsupported-numeric-claim

numeric-claim = `{ $figure }` に出典がありません
numeric-claim-help = 出典へのリンクか脚注を付けるか、出典を本文で示してください(「〜によると」「according to …」)

## front-matter-syntax

front-matter-missing = フロントマターがありません。ファイルは `---`(YAML)か `+++`(TOML)の行で始めてください
front-matter-missing-help = 少なくとも `title` を持つフロントマターを追加してください
front-matter-unterminated = ここで始まる { $format } のフロントマターが閉じられていません
front-matter-unterminated-help = 開始と同じ区切りだけの行でブロックを閉じてください
front-matter-one-line = フロントマターが 1 行にまとまっています。区切りとキーをそれぞれ別の行に書いてください
front-matter-one-line-help = `---` だけの行、`key: value` の行を 1 項目ずつ、最後に `---` の行を書いてください
front-matter-not-mapping = フロントマターは `key: value` の行からなるマッピングにしてください({ $kind }になっています)
front-matter-not-mapping-help = フロントマターを `key: value` の行で書いてください
front-matter-yaml = YAML として読めません: { $detail }
front-matter-yaml-unclosed = YAML として読めません: { $what }が閉じられていません({ $detail })
front-matter-unclosed-list = `[` で始まるリスト
front-matter-unclosed-mapping = `{"{"}` で始まるマッピング
front-matter-unclosed-quote = 引用符で始まる文字列
front-matter-toml = TOML として読めません: { $detail }
front-matter-unparsable-help = 示した箇所の書き方を直してください。`:` を含む値や記号で始まる値は引用符で囲みます
front-matter-duplicate-key = キー `{ $key }` が重複しています。ここで再び設定され、Jekyll はこの後の値を使います
front-matter-duplicate-key-help = 二つのうち一方だけを残してください

## invalid-encoding

encoding-invalid-utf8 = { $offset } バイト目が UTF-8 として不正です。ファイルを UTF-8 で保存してください
encoding-utf16-big-endian = ファイルが UTF-16(ビッグエンディアン)です。UTF-8 で保存してください
encoding-utf16-little-endian = ファイルが UTF-16(リトルエンディアン)です。UTF-8 で保存してください
encoding-binary = { $offset } バイト目に NUL があります。バイナリファイルのようです
encoding-help = ファイルを UTF-8 のテキストとして保存し直してください

## unused-suppression

suppression-unused = この抑止コメントは何も抑止していません
suppression-unknown-rule = 抑止コメントに知らないルール `{ $rule }` があります
suppression-rule-unused = ここで `{ $rule }` を抑止していますが、このルールは何も報告していません
suppression-unused-help = コメントか、そこにあるルール名を削除してください

## サイト全体のルール

list-and-more = { $shown } ほか { $more } 件
site-duplicate-title = { $posts } と同じタイトルです
site-duplicate-title-help = 読者にも検索エンジンにも記事の区別がつきません。それぞれの記事が何を加えるのかをタイトルで示してください
site-shared-excerpt = { $count } 件の記事がこの抜粋を共有しています
site-excerpt-template = { $count } 件の記事が同じひな形の抜粋を埋めています: `{ $template }`
site-excerpt-help = この記事をまとめた抜粋を書いてください。記事一覧やリンクのプレビューに表示されます

## パックのルール

pack-occurrence = { $message }({ $count } 回あります。{ $max } 回までにしてください)
pack-consistency = { $message }(ここは{ $minority }、ほかの { $count } か所は{ $majority })
pack-replace-fix = `{ $replacement }` に置き換える

## ルールの概要: `rule-<name>`。`copydesk rules` と SARIF に表示する

rule-boilerplate-excerpt = 多くの記事が同じ抜粋を使っている(サイト全体)
rule-broken-text = 本文に置換文字、制御文字、対になっていないサロゲート、私用領域の文字がある
rule-duplicate-title-across-posts = 二つの記事のタイトルが同じ(サイト全体)
rule-duplicated-title = フロントマターのタイトルが本文でも繰り返されている
rule-field-type = フロントマターの項目の型が違う、日付がありえない、または制限を超えている
rule-front-matter-syntax = フロントマターがない、閉じていない、読めない、マッピングでない、またはキーが重複している
rule-invalid-encoding = ファイルが UTF-8 のテキストではない
rule-reading-time = 記載された読了時間が本文の分量に合わない
rule-required-field = 必須の項目がフロントマターにない、または空
rule-tag-vocabulary = タグやカテゴリーが語彙にない、重複している、多すぎる、または空
rule-unsupported-numeric-claim = 読者が出典を求める数字に出典がない
rule-unused-suppression = copydesk-disable コメントが何も抑止していない

## コマンドラインの集計行。部品ごとに組み立て、各部品はそれまでの行を `$line` で受け取る

summary-checked = ファイル { $files } 件を検査: エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
summary-fixable = { $line }(うち修正可能 { $count } 件)
summary-baselined = { $line }、ベースライン済み { $count } 件
summary-stale-baseline = { $line }、どの指摘とも合わなくなったベースラインの項目 { $count } 件(--prune-baseline で削除できます)
summary-failures = { $line }、読み書きできなかったパス { $count } 件
summary-end = { $line }。
summary-fixed = { $files } ファイルの問題 { $count } 件を修正しました。
summary-would-fix = { $files } ファイルの問題 { $count } 件を修正できます。
summary-fixes-then = { $fixed }{ $line }

## --statistics

statistics-all-fixable = [*] すべて修正可能
statistics-fixable = [*] { $count } 件修正可能

## SARIF

sarif-pack-rule = `{ $pack }` パックのルール `{ $rule }`
sarif-pack-rule-help = `{ $pack }` ルールパックを参照してください(`copydesk explain { $rule }`)。

## 言語サーバー

lsp-config-error = copydesk の設定を使えません: { $error }
lsp-mentioned-again = ここでも同じ数字を挙げています
lsp-fix-all = copydesk の問題をすべて修正する
lsp-disable-for-line = この行で { $rule } を無効にする
lsp-hover-more = 詳しくは `copydesk explain { $rule } --lang ja`
lsp-hover-reading-time = **読了時間**: およそ { $estimate } 分({ $counts })。

    速く読む人で { $fast } 分、ゆっくり読む人で { $slow } 分です。copydesk は { $lowest }〜{ $highest } 分を妥当とみなします。
lsp-hover-unknown-tag = `{ $tag }` は { $field } の語彙にありません。
lsp-hover-aliases = 別名: { $aliases }
lsp-completion-alias-of = { $name } の別名

## human 形式

human-fix-available = 修正できます: { $fix }
human-also-at = { $lines } 行目にもあります{ $more ->
    [0] {""}
   *[other] (ほか { $more } か所)
}
