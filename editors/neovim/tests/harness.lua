-- What the end-to-end scripts share: checks recorded and written as
-- {"ok": bool, "failure": string, "checks": [{"name", "ok", "detail"}]} to
-- COPYDESK_RESULT, then :qa! on success and :cq on failure; a run that can
-- never hang. Loaded with dofile; runs on Neovim 0.7 and later.

local H = {
  bin = os.getenv("COPYDESK_BIN"),
  result_path = os.getenv("COPYDESK_RESULT"),
  checks = {},
}
local finished = false

function H.finish(failure)
  if finished then
    return
  end
  finished = true
  local ok = failure == nil
  if ok then
    for _, check in ipairs(H.checks) do
      ok = ok and check.ok
    end
  end
  local text = vim.fn.json_encode({ ok = ok, failure = failure or "", checks = H.checks })
  if H.result_path and H.result_path ~= "" then
    local file = io.open(H.result_path, "w")
    if file then
      file:write(text, "\n")
      file:close()
    end
  end
  if not ok then
    io.stderr:write("copydesk e2e: FAILED: " .. text .. "\n")
  end
  vim.cmd(ok and "qa!" or "cq")
end

-- Records a check; a failed check stops the script (later steps depend on it).
function H.check(name, ok, detail)
  table.insert(H.checks, { name = name, ok = ok and true or false, detail = detail or "" })
  if not ok then
    error({ check = name }, 0)
  end
end

function H.wait(ms, condition)
  return vim.wait(ms, condition, 20)
end

function H.has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

-- The diagnostic's rule name: `code` from 0.8 on, `user_data.lsp.code` on 0.7.
function H.code_of(diagnostic)
  if diagnostic.code ~= nil then
    return diagnostic.code
  end
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return lsp and lsp.code
end

-- Runs `main`, then finishes with what it found. vim.wait and request_sync
-- run the event loop, so the timeout fires even in the middle of a step.
function H.run(main, timeout_ms)
  vim.defer_fn(function()
    H.finish(("timeout after %d ms"):format(timeout_ms))
  end, timeout_ms)
  local ok, err = xpcall(main, function(e)
    if type(e) == "table" and e.check then
      return e
    end
    return debug.traceback(tostring(e), 2)
  end)
  if ok then
    H.finish(nil)
  elseif type(err) == "table" then
    H.finish("check failed: " .. err.check)
  else
    H.finish("error: " .. tostring(err))
  end
end

return H
