-- End-to-end test: this plugin and Neovim's own LSP client against `copydesk lsp`.
--
--   COPYDESK_BIN=/path/to/copydesk COPYDESK_RESULT=/tmp/result.json \
--   nvim --headless -n -u NONE -i NONE --cmd "set rtp^=<repo>/editors/neovim" \
--     -c "luafile <repo>/editors/neovim/tests/e2e.lua" post.md
--
-- post.md must be the post written by tests/neovim.rs (a title repeated on
-- line index 5, followed by a blank line). Writes a JSON object
-- {"ok": bool, "failure": string, "checks": [{"name", "ok", "detail"}]} to
-- COPYDESK_RESULT, then quits with :qa! on success and :cq on failure.
-- Runs on Neovim 0.7 and later: no vim.lsp.start, no vim.json, no colon calls
-- on clients.

local TIMEOUT_MS = 20000 -- the whole script
local WAIT_MS = 10000 -- each step

local TITLE_LINE = 5
local TITLE = "旅😀と本"
-- What the title line's end is in each position encoding: 3+4+3+3 bytes,
-- 1+2+1+1 UTF-16 code units, 4 code points.
local TITLE_END = { ["utf-8"] = 13, ["utf-16"] = 5, ["utf-32"] = 4 }
local EXPECTED_AFTER_FIX = {
  "---",
  'title: "旅😀と本"',
  'tags: ["AI"]',
  "reading_time: 20",
  "---",
  "本文です。",
}

-- The shared harness, from this script's own folder.
local H = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")
local bin, result_path = H.bin, H.result_path
local check, wait, has, code_of = H.check, H.wait, H.has, H.code_of

local function find(diagnostics, code)
  for _, diagnostic in ipairs(diagnostics) do
    if code_of(diagnostic) == code then
      return diagnostic
    end
  end
  return nil
end

local function summary(diagnostics)
  local parts = {}
  for _, d in ipairs(diagnostics) do
    table.insert(parts, ("%s@%d:%d-%s:%s"):format(tostring(code_of(d)), d.lnum, d.col,
      tostring(d.end_lnum), tostring(d.end_col)))
  end
  return "[" .. table.concat(parts, ", ") .. "]"
end

-- The LSP diagnostics exactly as the server published them, by URI.
local published = {}
local default_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, params, ctx, config)
  if params and params.uri then
    published[params.uri] = params.diagnostics
  end
  return default_publish(err, params, ctx, config)
end

-- Rebuilds the LSP diagnostic from a vim.diagnostic one, as a client must to
-- ask for its code actions. user_data.lsp keeps `data` (which carries the
-- fix), but on 0.7 not the range, and vim.diagnostic columns are bytes: they
-- go back to the client's encoding here.
local function to_lsp(bufnr, diagnostic, encoding)
  local lsp = vim.deepcopy(diagnostic.user_data and diagnostic.user_data.lsp or {})
  local function position(lnum, col)
    return { line = lnum, character = vim.lsp.util.character_offset(bufnr, lnum, col, encoding) }
  end
  lsp.range = {
    start = position(diagnostic.lnum, diagnostic.col),
    ["end"] = position(diagnostic.end_lnum or diagnostic.lnum, diagnostic.end_col or diagnostic.col),
  }
  lsp.severity = diagnostic.severity
  lsp.message = diagnostic.message
  lsp.source = diagnostic.source
  lsp.code = code_of(diagnostic)
  return lsp
end

local function main()
  check("env", bin ~= nil and bin ~= "" and result_path ~= nil and result_path ~= "",
    ("COPYDESK_BIN=%s COPYDESK_RESULT=%s"):format(tostring(bin), tostring(result_path)))
  check("executable", vim.fn.executable(bin) == 1, bin)

  local bufnr = vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(bufnr)
  check("buffer", name:match("%.md$") ~= nil and vim.api.nvim_buf_get_lines(bufnr, TITLE_LINE, TITLE_LINE + 1, false)[1] == TITLE,
    name)

  local copydesk = require("copydesk")
  copydesk.setup({ cmd = { bin, "lsp" } })
  -- -u NONE turns filetype detection off; setting the filetype fires FileType,
  -- which is what starts the server.
  if vim.bo[bufnr].filetype ~= "markdown" then
    vim.bo[bufnr].filetype = "markdown"
  end
  check("filetype", vim.bo[bufnr].filetype == "markdown", vim.bo[bufnr].filetype)

  local attached = wait(WAIT_MS, function()
    return copydesk.client(bufnr) ~= nil
  end)
  local client = copydesk.client(bufnr)
  check("attached", attached and client ~= nil, client and ("client id " .. client.id) or "no copydesk client")

  local uri = vim.uri_from_bufnr(bufnr)
  local duplicated
  local found = wait(WAIT_MS, function()
    duplicated = find(vim.diagnostic.get(bufnr), "duplicated-title")
    return duplicated ~= nil
  end)
  check("duplicated-title published", found, summary(vim.diagnostic.get(bufnr)))

  -- Neovim converted the server's columns to bytes.
  local byte_end = #TITLE
  check("duplicated-title position",
    duplicated.lnum == TITLE_LINE and duplicated.col == 0
      and (duplicated.end_lnum == nil or duplicated.end_lnum == TITLE_LINE)
      and duplicated.end_col == byte_end,
    ("lnum=%s col=%s end_lnum=%s end_col=%s, want %d:0-%d:%d"):format(duplicated.lnum, duplicated.col,
      tostring(duplicated.end_lnum), tostring(duplicated.end_col), TITLE_LINE, TITLE_LINE, byte_end))

  -- What went over the wire is in the negotiated encoding (UTF-16 on 0.7).
  local encoding = client.offset_encoding or "utf-16"
  check("encoding", has("0.8") or encoding == "utf-16", encoding)
  local raw = find(published[uri] or {}, "duplicated-title")
  check("wire position", raw ~= nil and raw.range.start.line == TITLE_LINE and raw.range.start.character == 0
      and raw.range["end"].line == TITLE_LINE and raw.range["end"].character == TITLE_END[encoding],
    raw and ("%s, want end character %s (%s)"):format(vim.fn.json_encode(raw.range), tostring(TITLE_END[encoding]), encoding)
      or ("not among published diagnostics for " .. uri))

  local reading = find(vim.diagnostic.get(bufnr), "reading-time")
  check("reading-time", reading ~= nil and reading.lnum == 3, summary(vim.diagnostic.get(bufnr)))

  local diagnostic = to_lsp(bufnr, duplicated, encoding)
  check("round trip", vim.deep_equal(diagnostic.range, raw.range) and diagnostic.data ~= nil,
    ("rebuilt range %s, data %s"):format(vim.fn.json_encode(diagnostic.range), tostring(diagnostic.data ~= nil)))

  local params = {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, WAIT_MS)
  local response = responses and responses[client.id]
  check("code action response", response ~= nil and response.err == nil and response.error == nil,
    tostring(err or (response and vim.inspect(response.err or response.error))))

  local action
  local titles = {}
  for _, candidate in ipairs(response.result or {}) do
    table.insert(titles, candidate.title)
    if candidate.title == "Delete the repeated title" then
      action = candidate
    end
  end
  check("quick fix offered", action ~= nil and action.edit ~= nil, table.concat(titles, " | "))

  vim.lsp.util.apply_workspace_edit(action.edit, encoding)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  check("fixed text", vim.deep_equal(lines, EXPECTED_AFTER_FIX), vim.fn.json_encode(lines))

  -- The edit reaches the server through incremental didChange (UTF-16 ranges
  -- over the emoji on 0.7): the diagnostic goes, the reading time stays.
  local gone = wait(WAIT_MS, function()
    local now = vim.diagnostic.get(bufnr)
    return find(now, "duplicated-title") == nil and find(now, "reading-time") ~= nil
  end)
  check("republished after fix", gone, summary(vim.diagnostic.get(bufnr)))

  -- <C-x><C-o> works on 0.7 too: the plugin sets omnifunc on attach.
  check("omnifunc", vim.bo[bufnr].omnifunc == "v:lua.vim.lsp.omnifunc", vim.bo[bufnr].omnifunc)

  -- :CopydeskRestart stops the server and attaches a new one to the buffer.
  local old_id = client.id
  vim.cmd("CopydeskRestart")
  local restarted = wait(WAIT_MS, function()
    local now = copydesk.client(bufnr)
    return now ~= nil and now.id ~= old_id and find(vim.diagnostic.get(bufnr), "reading-time") ~= nil
  end)
  local now = copydesk.client(bufnr)
  check("restart", restarted, now and ("client id " .. now.id .. " after " .. old_id) or "no client")
end

-- Never hang: vim.wait and request_sync run the event loop, so this fires
-- even in the middle of a step.
H.run(main, TIMEOUT_MS)
