# copydesk's messages in English: the source every other table translates.
# Values in `{ $name }` are filled in by the code; keep each one in a
# translation. A message id never changes once shipped.

## Shared pieces

list-or = { $earlier } or { $last }

## broken-text

broken-text-replacement = replacement character U+FFFD: a character was lost here
broken-text-replacement-help = a conversion or a cut in the middle of a character replaced it; restore the original text
broken-text-control = control character U+{ $code } in the text
broken-text-c0-help = it is invisible and no reader needs it; delete it
broken-text-c1-help = text decoded as Latin-1 where it was Windows-1252 shows these in place of quotes and dashes
broken-text-delete-control = Delete the control character
broken-text-replace-windows-1252 = Replace with `{ $character }` (Windows-1252)
broken-text-lone-surrogate = an escaped lone UTF-16 surrogate: half of a character
broken-text-lone-surrogate-help = the other half of the pair was lost; restore the character it was part of
broken-text-private-use = private-use character U+{ $code }: it shows as a box in most fonts
broken-text-private-use-help = it came from an icon font or a bad conversion; replace it with the character meant

## duplicated-title

duplicated-title-repeated = the title is repeated in the body
duplicated-title-top-help = the page template already shows the title; delete this line
duplicated-title-restart-help = a generator joined several articles here, each with its title; keep one article, or delete the repeated title
duplicated-title-delete = Delete the repeated title
duplicated-title-near = this line nearly repeats the title
duplicated-title-near-help = a body line that restates the title usually survived a title rewrite; delete or reword it
duplicated-title-delete-near = Delete the near-repeat of the title

## field-type

field-type-string = a string
field-type-integer = an integer
field-type-number = a number
field-type-boolean = a boolean
field-type-date = a date
field-type-datetime = a date and time
field-type-list = a list of strings
field-type-enum = one of the allowed values
field-type-emoji = a single emoji
value-string = the string "{ $text }"
value-integer = the integer { $value }
value-number = the number { $value }
value-boolean = the boolean { $value }
value-other = a { $kind }
field-type-empty = `{ $key }` must not be empty
field-type-item-not-string = items of `{ $key }` should be strings, not { $actual }
field-type-item-not-string-help = quote the item
field-type-wrong-type = `{ $key }` should be { $expected }, not { $actual }
field-type-not-allowed = `{ $key }: { $value }` is not one of: { $allowed }
field-type-quote-help = quote the value to make it a string
field-type-wrong-type-help = change the value to the declared type, or the schema in `.copydesk.yml`
field-type-between = between { $min } and { $max }
field-type-at-least = at least { $min }
field-type-at-most = at most { $max }
field-type-out-of-bounds = `{ $key }` is { $value }; it must be { $bounds }
field-type-too-long = `{ $key }` is { $length } characters; at most { $max } are allowed
field-type-too-short = `{ $key }` is { $length } characters; at least { $min } are needed
field-type-no-match = `{ $value }` does not match the pattern `{ $pattern }`
field-type-item-too-long = `{ $item }` is { $length } characters; items of `{ $key }` may have at most { $max }
field-type-bad-date = `{ $key }`: { $problem }
field-type-offset-help = write the offset as +HH:MM, between -12:00 and +14:00
field-type-date-help = write the date as YYYY-MM-DD, optionally with HH:MM:SS and an offset
field-type-file-name-date = the date is { $date }, but the file name says { $named }
field-type-file-name-date-help = Jekyll takes the date from the front matter; rename the file or fix the date
field-type-future = the date { $date } is in the future
field-type-future-help = Jekyll and Hugo skip future posts unless built with --future
field-type-yaml11-boolean = `{ $raw }` is a string to copydesk and Hugo, but `{ $meaning }` to Jekyll (YAML 1.1)
field-type-yaml11-boolean-help = write `{ $meaning }` for a boolean, or quote "{ $raw }" for text
field-type-split-string = Jekyll splits `{ $key }: { $text }` on spaces into { $count } items
field-type-split-string-help = write the items as a list, so the split is visible
field-type-split-string-fix = Write the items Jekyll reads as a list
date-format = not a date Jekyll reads: use `2025-11-20`, `2025-11-20 08:43:29 +0000` or ISO 8601
date-not-a-day = { $date } is not a day on the calendar
date-not-a-time = { $time } is not a time of day
date-impossible-offset = time-zone offset { $offset } is impossible: offsets run from -12:00 to +14:00
kind-null = null
kind-boolean = boolean
kind-integer = integer
kind-number = number
kind-string = string
kind-datetime = datetime
kind-list = list
kind-mapping = mapping

## reading-time

reading-time-implausible = declares { $declared } min; the body reads in about { $estimate } min ({ $counts })
reading-time-help = a reader takes { $fastest } to { $slowest } min; write about { $estimate }
reading-time-fix = Set `{ $key }` to { $estimate }
reading-time-cjk-characters = { $count ->
    [one] { $shown } CJK character
   *[other] { $shown } CJK characters
}
reading-time-words = { $count ->
    [one] { $shown } word
   *[other] { $shown } words
}
reading-time-images = { $count ->
    [one] { $shown } image
   *[other] { $shown } images
}
list-and = { $earlier }, { $last }

## required-field

required-field-missing = required field `{ $field }` is missing
required-field-missing-help = add `{ $field }` to the front matter
required-field-empty = required field `{ $field }` is empty
required-field-empty-help = give `{ $field }` a value

## tag-vocabulary

tag-empty-list = `{ $field }` is an empty list
tag-empty-list-help = add at least one item, or remove `{ $field }`
tag-empty-item = an empty item in `{ $field }`
tag-empty-item-help = remove it, or write the tag
tag-empty-item-fix = Remove the empty item
tag-listed-twice = `{ $tag }` is listed twice in `{ $field }`
tag-repeats = `{ $tag }` repeats `{ $first }` in `{ $field }`
tag-repeat-help = remove the repeat
tag-repeat-fix = Remove the repeated item
tag-too-many = `{ $field }` has { $count } items; at most { $max } are allowed
tag-too-many-help = keep the { $max } that describe the post best
tag-variant = `{ $tag }` is written `{ $name }` in the { $field } vocabulary
tag-variant-fix = Write `{ $name }`
tag-alias = `{ $tag }` is an alias of `{ $name }`
tag-replace-fix = Replace with `{ $name }`
tag-unknown = `{ $tag }` is not in the { $field } vocabulary
tag-unknown-help = pick a tag from { $path }, or add `{ $tag }` to it
tag-unknown-did-you-mean = `{ $tag }` is not in the { $field } vocabulary; did you mean { $names }?

## unsupported-numeric-claim

numeric-claim = `{ $figure }` has no source
numeric-claim-help = link the source, add a footnote, or name it (「〜によると」, "according to …")

## front-matter-syntax

front-matter-missing = no front matter: the file must start with a `---` (YAML) or `+++` (TOML) line
front-matter-missing-help = add a front-matter block with at least a `title`
front-matter-unterminated = { $format } front matter opened here is never closed
front-matter-unterminated-help = close the block with a line holding only the opening delimiter
front-matter-one-line = front matter is collapsed onto one line; put each delimiter and each key on its own line
front-matter-one-line-help = put `---` on its own line, then one `key: value` per line, then `---`
front-matter-not-mapping = front matter must be a mapping of `key: value` lines, not a { $kind }
front-matter-not-mapping-help = write the front matter as `key: value` lines
front-matter-yaml = invalid YAML: { $detail }
front-matter-yaml-unclosed = invalid YAML: { $what } is not closed ({ $detail })
front-matter-unclosed-list = a `[` list
front-matter-unclosed-mapping = a `{"{"}` mapping
front-matter-unclosed-quote = a quoted string
front-matter-toml = invalid TOML: { $detail }
front-matter-unparsable-help = fix the syntax at the marked place; quote values that contain `:` or start with a symbol
front-matter-duplicate-key = duplicate key `{ $key }`: it is set again here, and Jekyll keeps this later value
front-matter-duplicate-key-help = keep one of the two entries

## invalid-encoding

encoding-invalid-utf8 = invalid UTF-8 at byte { $offset }; save the file as UTF-8
encoding-utf16-big-endian = the file is UTF-16 (big-endian); save it as UTF-8
encoding-utf16-little-endian = the file is UTF-16 (little-endian); save it as UTF-8
encoding-binary = NUL byte at byte { $offset }; this looks like a binary file
encoding-help = re-save the file as UTF-8 text

## unused-suppression

suppression-unused = this suppression comment suppresses nothing
suppression-unknown-rule = unknown rule `{ $rule }` in a suppression comment
suppression-rule-unused = `{ $rule }` is suppressed here, but reports nothing
suppression-unused-help = remove the comment, or the rule name from it

## site-wide rules

list-and-more = { $shown } and { $more } more
site-duplicate-title = the same title as { $posts }
site-duplicate-title-help = readers and search engines cannot tell the posts apart; make each title say what its post adds
site-shared-excerpt = { $count ->
    [one] { $count } post shares this excerpt
   *[other] { $count } posts share this excerpt
}
site-excerpt-template = { $count } posts fill in one template: `{ $template }`
site-excerpt-help = write an excerpt that summarizes this post; listings and link previews show it

## pack rules

pack-occurrence = { $message } ({ $count } times; at most { $max })
pack-consistency = { $message } ({ $minority } here, { $majority } { $count } times elsewhere)
pack-consistency-in-blocks = { $message } ({ $minority } here, { $majority } { $count } times elsewhere in { $blocks ->
        [paragraphs] the body
        [headings] headings
        [list-items] this list
       *[other] table cells
    })
pack-consistency-preferred = { $message } ({ $form } here; the config prefers { $preferred })
pack-replace-fix = Replace with `{ $replacement }`

## Rule summaries: `rule-<name>`, shown by `copydesk rules` and in SARIF

rule-boilerplate-excerpt = The same excerpt is used by many posts (site-wide)
rule-broken-text = Replacement characters, control characters, lone surrogates or private-use characters in the text
rule-duplicate-title-across-posts = Two posts have the same title (site-wide)
rule-duplicated-title = The front-matter title is repeated in the body
rule-field-type = A front-matter field has the wrong type, an impossible date, or breaks a limit
rule-front-matter-syntax = Front matter is missing, unterminated, unparsable, not a mapping, or has a duplicate key
rule-invalid-encoding = The file is not UTF-8 text
rule-reading-time = The declared reading time is implausible for the body
rule-required-field = A required front-matter field is missing or empty
rule-tag-vocabulary = A tag or category is outside the vocabulary, repeated, too many, or empty
rule-unsupported-numeric-claim = A figure a reader would want a source for is given with none
rule-unused-suppression = A copydesk-disable comment suppresses nothing

## The command line's summary, built piece by piece: each piece takes the
## line so far as `$line`.

summary-checked = Checked { $files ->
    [one] { $files } file
   *[other] { $files } files
}: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $infos ->
    [one] { $infos } info
   *[other] { $infos } infos
}
summary-fixable = { $line } ({ $count } fixable)
summary-baselined = { $line }; { $count ->
    [one] { $count } finding
   *[other] { $count } findings
} in the baseline
summary-stale-baseline = { $line }; { $count ->
    [one] { $count } baseline entry no longer matches
   *[other] { $count } baseline entries no longer match
} (run with --prune-baseline)
summary-failures = { $line }; { $count ->
    [one] { $count } path
   *[other] { $count } paths
} could not be read or written
summary-end = { $line }.
summary-fixed = Fixed { $count ->
    [one] { $count } problem
   *[other] { $count } problems
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}.
summary-would-fix = Would fix { $count ->
    [one] { $count } problem
   *[other] { $count } problems
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}.
summary-fixes-then = { $fixed } { $line }

## --statistics

statistics-all-fixable = [*] all fixable
statistics-fixable = [*] { $count } fixable

## SARIF

sarif-pack-rule = Rule `{ $rule }` of the `{ $pack }` pack
sarif-pack-rule-help = See the `{ $pack }` rule pack; `copydesk explain { $rule }`.

## The language server

lsp-config-error = copydesk cannot use its config: { $error }
lsp-mentioned-again = mentioned again here
lsp-fix-all = Fix all copydesk problems
lsp-disable-for-line = Disable { $rule } for this line
lsp-hover-more = More: `copydesk explain { $rule }`
hover-reading-time = **Reading time**: about { $estimate } min ({ $counts }).

    A fast reader takes { $fast } min, a slow one { $slow } min; copydesk accepts { $lowest } to { $highest }.
hover-unknown-tag = `{ $tag }` is not in the { $field } vocabulary.
hover-aliases = Aliases: { $aliases }
completion-alias-of = alias of { $name }

## The human format

human-fix-available = fix available: { $fix }
human-also-at = also at { $count ->
    [one] line
   *[other] lines
} { $lines }{ $more ->
    [0] {""}
   *[other] { " " }and { $more } more
}

## The command line's own messages, after `copydesk: ` on standard error

cli-error = { $error }
cli-path-error = { $path }: error: { $error }
cli-config-error = config error: { $error }
cli-cannot-write = cannot write { $what }: { $error }
cli-cannot-write-cache = cannot write the cache in { $folder }: { $error }
cli-cannot-read-stdin = cannot read standard input: { $error }
cli-stdin-needs-filename = reading standard input needs --stdin-filename PATH, for the config and the report
cli-statistics-format = --statistics prints a table: use it with --format human, concise or json
cli-the-report = the report
cli-the-vocabulary = the vocabulary
cli-wrote-baseline = wrote { $count } findings to { $path }
cli-pruned-baseline = removed { $count } stale entries from { $path }
cli-unsettled = { $path }: fixes did not settle after { $rounds } rounds for: { $rules }
cli-wrote-report = wrote { $path } about { $count } posts
cli-wrote-vocabulary = wrote a `{ $field }` vocabulary from { $count } posts
cli-init-exists = { $path } exists already; copydesk init does not overwrite it
cli-init-wrote-vocabulary = wrote { $path } from the `{ $field }` of { $count } posts
cli-init-wrote-config = wrote .copydesk.yml for { $reason } (preset: { $preset })
cli-init-japanese-pack = { $count } of the { $read } posts read are Japanese: turned on the ja-technical-writing pack (textlint's ja-technical-writing preset); remove it from `packs` to opt out
cli-init-first-party = { $count } of the { $read } post titles read name { $name }: if it is this site's own project, uncomment `first-party` in .copydesk.yml, and its prices, releases and counts are not reported as claims
cli-check-first-party-hint = { $count } of the { $read } post titles name { $name }, and no config is in use. If { $name } is this site's own project, `first-party: [{ $name }]` under `unsupported-numeric-claim` makes its own figures its own facts, not claims ({ $claims } were reported); `copydesk init` writes it, commented out
cli-unknown-rule = unknown rule `{ $rule }`; `copydesk rules` lists them
cli-unknown-rule-did-you-mean = unknown rule `{ $rule }`; did you mean `{ $name }`?

## The HTML report (`copydesk report`). Values in <b> are written by the code.

report-title = copydesk report: { $site }
report-heading = copydesk report
report-posts = { $count } posts
report-findings = { $count } findings
report-implausible = { $count } of { $total } reading times implausible
report-duplicate-titles-count = { $count } duplicate titles
report-findings-per-rule = Findings per rule
report-rule = rule
report-findings-column = findings
report-worst-posts = Posts with the most findings
report-post = post
report-by-rule = by rule
report-reading-time = Declared against estimated reading time
report-reading-time-help = Each dot is a post; the shaded band is where a declaration is plausible. Red dots lie outside it.
report-scatter-label = declared against estimated reading time
report-estimated-minutes = estimated minutes
report-declared-minutes = declared minutes
report-findings-by-month = Findings by post month
report-tags = Tags and categories
report-tag = tag
report-posts-column = posts
report-variants = variants
report-near-duplicates = Near-duplicates:
report-site-wide = Site-wide checks
report-duplicate-titles = Duplicate titles
report-title-column = title
report-boilerplate = Boilerplate excerpts
report-excerpt-column = excerpt or template
report-footer = Made by { $command }. Every path links to its post.
cli-rules-rule = rule
cli-rules-default = default
cli-rules-fix = fix
cli-rules-summary = summary
cli-pack-rule-page = A rule of the `{ $pack }` pack (rules/packs/{ $pack }.yml).
cli-pack-rule-level = Default level: { $level }.
