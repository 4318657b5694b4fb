-- End-to-end test of `language = "ja"`: the plugin sends it as the
-- `initialize` locale, and the server answers in Japanese: the diagnostics,
-- the hover and the code action titles.
--
--   COPYDESK_BIN=… COPYDESK_RESULT=… nvim --headless -n -u NONE -i NONE \
--     --cmd "set rtp^=<repo>/editors/neovim" -c "luafile <repo>/editors/neovim/tests/language.lua" post.md
--
-- post.md is the post of e2e.lua (its title repeated on line index 5), in a
-- folder with no config and run with LANG=C, so only the plugin asks for
-- Japanese. Writes {"ok", "failure", "checks"} to COPYDESK_RESULT, as e2e.lua
-- does. Runs on Neovim 0.7 and later.

local TIMEOUT_MS = 20000
local WAIT_MS = 10000
local TITLE_LINE = 5

local H = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")
local bin, result_path = H.bin, H.result_path
local check, wait, code_of = H.check, H.wait, H.code_of

local function messages(bufnr)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    found[code_of(diagnostic)] = diagnostic.message
  end
  return found
end

local function main()
  check("env", bin ~= nil and bin ~= "" and result_path ~= nil and result_path ~= "",
    ("COPYDESK_BIN=%s COPYDESK_RESULT=%s"):format(tostring(bin), tostring(result_path)))

  local bufnr = vim.api.nvim_get_current_buf()
  local copydesk = require("copydesk")
  copydesk.setup({ cmd = { bin, "lsp" }, language = "ja" })
  vim.bo[bufnr].filetype = "markdown"
  local attached = wait(WAIT_MS, function()
    return copydesk.client(bufnr) ~= nil
  end)
  local client = copydesk.client(bufnr)
  check("attached", attached and client ~= nil, "no copydesk client")

  local found = wait(WAIT_MS, function()
    return messages(bufnr)["duplicated-title"] ~= nil
  end)
  local shown = messages(bufnr)
  check("japanese diagnostics", found
      and shown["duplicated-title"] == "タイトルが本文でも繰り返されています"
      and (shown["reading-time"] or ""):find("^読了時間が 20 分になっていますが") ~= nil,
    vim.fn.json_encode(shown))

  local encoding = client.offset_encoding or "utf-16"
  local uri = vim.uri_from_bufnr(bufnr)
  local hovers = vim.lsp.buf_request_sync(bufnr, "textDocument/hover",
    { textDocument = { uri = uri }, position = { line = TITLE_LINE, character = 1 } }, WAIT_MS) or {}
  local hover = ""
  for _, response in pairs(hovers) do
    local contents = response.result and response.result.contents
    hover = hover .. (contents and (contents.value or tostring(contents)) or "")
  end
  check("japanese hover", hover:find("タイトルが本文でも繰り返されています", 1, true) ~= nil
      and hover:find("詳しくは `copydesk explain duplicated-title --lang ja`", 1, true) ~= nil, hover)

  local duplicated
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(diagnostic) == "duplicated-title" then
      duplicated = vim.deepcopy(diagnostic.user_data and diagnostic.user_data.lsp or {})
      duplicated.code = "duplicated-title"
      duplicated.source = "copydesk"
      duplicated.message = diagnostic.message
      local last = vim.api.nvim_buf_get_lines(bufnr, TITLE_LINE, TITLE_LINE + 1, true)[1]
      duplicated.range = {
        start = { line = TITLE_LINE, character = 0 },
        ["end"] = { line = TITLE_LINE, character = vim.lsp.util.character_offset(bufnr, TITLE_LINE, #last, encoding) },
      }
    end
  end
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = duplicated.range,
    context = { diagnostics = { duplicated } },
  }, WAIT_MS) or {}
  local titles = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
    end
  end
  local joined = table.concat(titles, " | ")
  check("japanese action titles", joined:find("繰り返したタイトルを削除する", 1, true) ~= nil
      and joined:find("この行で duplicated-title を無効にする", 1, true) ~= nil, joined)
end

H.run(main, TIMEOUT_MS)
