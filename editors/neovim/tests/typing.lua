-- End-to-end test of what a writer does while typing, in headless Neovim
-- with this plugin: tag completion in a list not yet closed, completion by
-- alias, and a vocabulary edited and saved with no file watching (Neovim 0.7
-- offers none).
--
--   COPYDESK_BIN=… COPYDESK_RESULT=… nvim --headless -n -u NONE -i NONE \
--     --cmd "set rtp^=<repo>/editors/neovim" -c "luafile <repo>/editors/neovim/tests/typing.lua" post.md
--
-- post.md is written by tests/neovim.rs in a site whose tags vocabulary has
-- Anthropic and 生成AI (alias GenAI), and whose post has the tag `Rust`,
-- which is not in the vocabulary. Writes {"ok", "failure", "checks"} to
-- COPYDESK_RESULT, as e2e.lua does. Runs on Neovim 0.7 and later.

local TIMEOUT_MS = 20000
local WAIT_MS = 10000

-- The shared harness, from this script's own folder.
local H = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")
local bin, result_path = H.bin, H.result_path
local check, wait, code_of = H.check, H.wait, H.code_of

local function tag_messages(bufnr)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(diagnostic) == "tag-vocabulary" then
      table.insert(found, diagnostic.message)
    end
  end
  return found
end

-- Completion labels at the end of `line` (0-based), asked through Neovim's
-- own client, in its position encoding.
local function labels_at_end_of(bufnr, line)
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, true)[1]
  local client = require("copydesk").client(bufnr)
  local encoding = client.offset_encoding or "utf-16"
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line, character = vim.lsp.util.character_offset(bufnr, line, #text, encoding) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", params, WAIT_MS) or {}
  local labels = {}
  for _, response in pairs(responses) do
    local result = response.result or {}
    for _, item in ipairs(result.items or result) do
      table.insert(labels, item.label)
    end
  end
  return labels
end

local function contains(list, wanted)
  for _, value in ipairs(list) do
    if value == wanted then
      return true
    end
  end
  return false
end

local function main()
  check("env", bin ~= nil and bin ~= "" and result_path ~= nil, tostring(bin))
  local copydesk = require("copydesk")
  copydesk.setup({ cmd = { bin, "lsp" } })
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= "markdown" then
    vim.bo[bufnr].filetype = "markdown"
  end
  check("attached", wait(WAIT_MS, function()
    return copydesk.client(bufnr) ~= nil
  end), "no copydesk client")
  check("unknown tag reported", wait(WAIT_MS, function()
    return #tag_messages(bufnr) > 0
  end), vim.inspect(tag_messages(bufnr)))

  -- While typing, the list is not closed and the front matter does not parse.
  vim.api.nvim_buf_set_lines(bufnr, 2, 3, true, { 'tags: ["Rust", "Ant' })
  local labels = labels_at_end_of(bufnr, 2)
  check("completion while typing", contains(labels, "Anthropic"), vim.inspect(labels))

  -- An alias finds its term; the item says which name it inserts.
  vim.api.nvim_buf_set_lines(bufnr, 2, 3, true, { "tags: [Gen" })
  labels = labels_at_end_of(bufnr, 2)
  check("alias completion", contains(labels, "GenAI → 生成AI"), vim.inspect(labels))

  -- Put the post back, save it, then add its tag to the vocabulary on disk:
  -- the next save is linted with the new vocabulary, no restart, no watcher.
  vim.api.nvim_buf_set_lines(bufnr, 2, 3, true, { 'tags: ["Rust"]' })
  vim.cmd("silent write")
  check("still unknown", wait(WAIT_MS, function()
    return #tag_messages(bufnr) > 0
  end), vim.inspect(tag_messages(bufnr)))
  -- The server compares files with the disk at most once a second.
  vim.wait(1100, function()
    return false
  end)
  local vocabulary = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h") .. "/tags.vocab.yml"
  local lines = vim.fn.readfile(vocabulary)
  table.insert(lines, "- Rust")
  vim.fn.writefile(lines, vocabulary)
  vim.cmd("silent write")
  check("vocabulary reloaded", wait(WAIT_MS, function()
    return #tag_messages(bufnr) == 0
  end), vim.inspect(tag_messages(bufnr)))
end

H.run(main, TIMEOUT_MS)
