-- Driven by scripts/neovim-lsp-e2e.sh in a headless neovim (0.7's API: start_client and
-- buf_attach_client): open a draft, wait for tactful's diagnostics, apply the "silence"
-- and the rewrite code actions, and check the buffer and the diagnostics after each.
local bin, draft = os.getenv("TACTFUL_BIN"), os.getenv("DRAFT")
local failures = {}
local function check(ok, what)
  if not ok then table.insert(failures, what) end
  io.stderr:write((ok and "ok   " or "FAIL ") .. what .. "\n")
end

vim.cmd("edit " .. draft)
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "tactful",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(draft, ":h"),
})
local started = vim.loop.hrtime()
vim.lsp.buf_attach_client(buf, id)

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
end
local function blame()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if tostring(code(d)):match("^blame/") then return d end
  end
end

local found = vim.wait(5000, function() return blame() ~= nil end, 10)
local ms = (vim.loop.hrtime() - started) / 1e6
check(found, "a blame diagnostic is shown")
io.stderr:write(string.format("diagnostics %.0f ms after attaching\n", ms))
check(ms < 1000, "within a second of opening")
local d = blame()
if d then
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  check(line:sub(d.col + 1):match("^I didn't hear back") ~= nil, "its range starts on the words")

  local function actions()
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = {} },
    }
    local res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 3000) or {}
    local out = {}
    for _, r in pairs(res) do
      for _, a in ipairs(r.result or {}) do table.insert(out, a) end
    end
    return out
  end
  local function apply(prefix)
    for _, a in ipairs(actions()) do
      if a.title:sub(1, #prefix) == prefix then
        vim.lsp.util.apply_workspace_edit(a.edit, "utf-16")
        return true
      end
    end
    return false
  end

  check(apply("Silence"), "a silence action is offered")
  local above = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  check(above:match("^<!%-%- tactful%-disable%-next%-line blame/") ~= nil, "the comment is inserted above the line")
  check(vim.wait(3000, function() return blame() == nil end, 10), "the silenced diagnostic is gone")

  vim.cmd("silent undo")
  check(vim.wait(3000, function() return blame() ~= nil end, 10), "undone: it is back")
  d = blame()
  check(apply("Replace with a neutral check-in"), "a rewrite action is offered")
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  check(text:find("I wanted to check in on where things stand", 1, true) ~= nil, "the sentence is rewritten")
  check(text:find("didn't hear back", 1, true) == nil, "the blaming words are gone")
  check(vim.wait(3000, function() return blame() == nil end, 10), "editing the sentence away clears the diagnostic")
end

vim.lsp.stop_client(id)
if #failures > 0 then
  vim.cmd("cquit 1")
else
  vim.cmd("qall!")
end
