-- Neovim client for the copydesk language server (`copydesk lsp`).
-- Works on Neovim 0.7 and later; see :help copydesk.

local M = {}

local NAME = "copydesk"
local FIX_ALL = "source.fixAll.copydesk"

local defaults = {
  cmd = { "copydesk", "lsp" },
  filetypes = { "markdown" },
  root_markers = { ".copydesk.yml", ".git" },
  on_attach = nil,
  capabilities = nil,
  settings = nil,
  -- The language of messages ("ja", "en"), sent as `initialize`'s locale;
  -- nil leaves it to the config's `language:` or the server's locale.
  language = nil,
}

local config -- set by setup()
local capabilities -- computed once by setup()
local clients_by_root = {} -- Neovim 0.7 only: root_dir -> client id
local uv = vim.uv or vim.loop

local function has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

-- Neovim 0.11 made client methods colon calls; 0.7-0.10 only have dot calls.
local function request_sync(client, method, params, timeout_ms, bufnr)
  if has("0.11") then
    return client:request_sync(method, params, timeout_ms, bufnr)
  end
  return client.request_sync(method, params, timeout_ms, bufnr)
end

local function make_capabilities(user)
  local caps = vim.lsp.protocol.make_client_capabilities()
  -- On 0.7 keep the client's utf-16 default; later versions also offer utf-8 (see on_init).
  if has("0.8") then
    caps.general = caps.general or {}
    caps.general.positionEncodings = { "utf-8", "utf-16" }
  end
  if user then
    caps = vim.tbl_deep_extend("force", caps, user)
    -- tbl_deep_extend merges lists index by index; the user's list must replace ours.
    if user.general and user.general.positionEncodings then
      caps.general.positionEncodings = user.general.positionEncodings
    end
  end
  return caps
end

-- Neovim reads the server's choice of positionEncoding itself only from 0.10 on.
-- on_init runs before any notification is sent, so setting it here is safe.
local function on_init(client, result)
  local enc = result and result.capabilities and result.capabilities.positionEncoding
  if enc == "utf-8" or enc == "utf-16" or enc == "utf-32" then
    client.offset_encoding = enc
  end
end

-- The first marker found in the buffer's directory or above wins, in the order given.
-- vim.fs does not exist on 0.7, hence the manual walk.
local function find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(markers) do
    local d = dir
    while true do
      if uv.fs_stat(d .. "/" .. marker) then
        return d
      end
      local parent = vim.fn.fnamemodify(d, ":h")
      if parent == d then
        break
      end
      d = parent
    end
  end
  return dir
end

local warned_missing = false

-- <C-x><C-o> completes tags from the server; Neovim sets omnifunc itself only
-- from 0.10 on, and never over one the user chose.
local function on_attach(client, bufnr)
  if vim.bo[bufnr].omnifunc == "" then
    vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
  end
  if config.on_attach then
    config.on_attach(client, bufnr)
  end
end

local function start(bufnr)
  -- Hover windows and other scratch buffers use the markdown filetype too.
  local name = vim.api.nvim_buf_get_name(bufnr)
  if vim.bo[bufnr].buftype ~= "" or name == "" or name:match("^%a[%w+.-]*://") then
    return
  end

  local cmd = vim.deepcopy(config.cmd)
  if cmd[1]:sub(1, 1) == "~" then
    cmd[1] = vim.fn.expand(cmd[1])
  end
  if vim.fn.executable(cmd[1]) == 0 then
    if not warned_missing then
      warned_missing = true
      local msg = ("copydesk: %q is not executable. Install it with `pipx install copydesk` "
        .. "(or `cargo install --path .` from the copydesk repository), or pass `cmd` to setup()."):format(cmd[1])
      -- Deferred: an error message raised inside the FileType autocmd aborts the :edit on 0.11.
      vim.schedule(function()
        vim.notify(msg, vim.log.levels.ERROR)
      end)
    end
    return
  end

  local client_config = {
    name = NAME,
    cmd = cmd,
    root_dir = find_root(name, config.root_markers),
    capabilities = capabilities,
    settings = config.settings,
    on_attach = on_attach,
    on_init = on_init,
    before_init = function(params)
      if config.language then
        params.locale = config.language
      end
    end,
  }

  if vim.lsp.start then
    -- 0.8 ignores opts.bufnr and attaches to the current buffer, hence nvim_buf_call.
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.start(client_config, { bufnr = bufnr })
    end)
    return
  end

  -- Neovim 0.7: no vim.lsp.start, so reuse one client per root directory by hand.
  local id = clients_by_root[client_config.root_dir]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(client_config)
    if not id then
      return
    end
    clients_by_root[client_config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

--- The copydesk client attached to `bufnr` (default: current buffer), or nil.
function M.client(bufnr)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = NAME })[1]
  end
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == NAME then
      return client
    end
  end
  return nil
end

--- Requests the `source.fixAll.copydesk` code action for `bufnr` and applies it.
--- Synchronous, so it can run from BufWritePre. Returns true if something was applied.
function M.fix_all(bufnr, timeout_ms)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  timeout_ms = timeout_ms or 2000
  local client = M.client(bufnr)
  if not client then
    vim.notify("copydesk: no copydesk server attached to this buffer", vim.log.levels.WARN)
    return false
  end
  local enc = client.offset_encoding or "utf-16"

  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local last_line = vim.api.nvim_buf_get_lines(bufnr, last, last + 1, true)[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = {
      start = { line = 0, character = 0 },
      ["end"] = { line = last, character = vim.lsp.util.character_offset(bufnr, last, #last_line, enc) },
    },
    -- The server computes fix-all from the document; diagnostics are not needed.
    context = { only = { FIX_ALL }, diagnostics = {} },
  }

  local resp, err = request_sync(client, "textDocument/codeAction", params, timeout_ms, bufnr)
  if not resp or resp.err then
    -- WARN, not ERROR: when called from BufWritePre, a failed fix must not look like a failed write.
    vim.notify("copydesk: fix all failed: " .. tostring(err or (resp and resp.err.message)), vim.log.levels.WARN)
    return false
  end

  local action
  for _, a in ipairs(resp.result or {}) do
    -- A bare Command has no kind; the parent kind is an acceptable answer to `only`.
    if a.kind == FIX_ALL or a.kind == "source.fixAll" then
      action = a
      break
    end
  end
  if not action then
    return false
  end

  local provider = client.server_capabilities.codeActionProvider
  if not action.edit and type(provider) == "table" and provider.resolveProvider then
    local resolved = request_sync(client, "codeAction/resolve", action, timeout_ms, bufnr)
    if resolved and resolved.result then
      action = resolved.result
    end
  end
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, enc)
  end
  if type(action.command) == "table" then
    request_sync(client, "workspace/executeCommand", action.command, timeout_ms, bufnr)
  end
  return action.edit ~= nil or action.command ~= nil
end

-- Starts the server for every loaded buffer of the configured filetypes.
local function start_open_buffers()
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype) then
      start(bufnr)
    end
  end
end

local function all_clients()
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = NAME })
  end
  local found = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == NAME then
      table.insert(found, client)
    end
  end
  return found
end

local function is_stopped(client)
  if has("0.11") then
    return client:is_stopped()
  end
  return client.is_stopped()
end

--- Stops every copydesk client and starts the server again for each buffer of
--- the configured filetypes: after installing a new binary, say.
function M.restart()
  local stopping = all_clients()
  for _, client in ipairs(stopping) do
    if has("0.11") then
      client:stop()
    else
      client.stop()
    end
  end
  clients_by_root = {}
  -- Start again once the old servers are gone, or after 5 s whatever they do.
  local waited = 0
  local function when_stopped()
    local all = true
    for _, client in ipairs(stopping) do
      all = all and is_stopped(client)
    end
    if all or waited >= 5000 then
      start_open_buffers()
    else
      waited = waited + 50
      vim.defer_fn(when_stopped, 50)
    end
  end
  when_stopped()
end

local function check_types(opts)
  local types = {
    cmd = "table",
    filetypes = "table",
    root_markers = "table",
    on_attach = "function",
    capabilities = "table",
    settings = "table",
    language = "string",
  }
  for key, value in pairs(opts) do
    if types[key] == nil then
      error(("copydesk.setup: unknown option %q"):format(key), 3)
    elseif type(value) ~= types[key] then
      error(("copydesk.setup: %s must be a %s, got %s"):format(key, types[key], type(value)), 3)
    end
  end
end

--- Starts the server for buffers of the configured filetypes. Safe to call again.
function M.setup(opts)
  opts = opts or {}
  check_types(opts)
  config = vim.tbl_extend("force", defaults, opts)
  capabilities = make_capabilities(config.capabilities)
  warned_missing = false

  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      start(args.buf)
    end,
    desc = "Start the copydesk language server",
  })

  vim.api.nvim_create_user_command("CopydeskFixAll", function()
    M.fix_all(0)
  end, { desc = "Apply all copydesk fixes to the current buffer" })

  vim.api.nvim_create_user_command("CopydeskRestart", function()
    M.restart()
  end, { desc = "Restart the copydesk language server" })

  -- Plugin managers often load us after FileType already fired for open buffers.
  start_open_buffers()
end

return M
