-- Neovim 0.7 as a second LSP client: opens $PIGSTY_FILE, attaches the Pigsty language server
-- (started with --stdio), waits for its diagnostics and writes them as JSON to $PIGSTY_OUT.
-- Exits 0 after writing, non-zero with the error in $PIGSTY_OUT.error otherwise.
local out = os.getenv('PIGSTY_OUT')
local function write(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

local function main()
  local file = assert(os.getenv('PIGSTY_FILE'), 'PIGSTY_FILE not set')
  local server = assert(os.getenv('PIGSTY_SERVER'), 'PIGSTY_SERVER not set')
  local wait_ms = tonumber(os.getenv('PIGSTY_WAIT_MS') or '30000')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'pigsty',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_exit = function(code) exited = code end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local done = vim.wait(wait_ms, function()
    return exited ~= nil or #vim.diagnostic.get(bufnr) > 0
  end, 50)
  if exited ~= nil then error('language server exited with code ' .. tostring(exited)) end
  if not done then error('no diagnostics within ' .. wait_ms .. ' ms') end
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result, {
      line = d.lnum + 1,
      column = d.col + 1,
      severity = d.severity,
      code = d.code or lsp.code,
      source = d.source,
      message = d.message,
    })
  end
  table.sort(result, function(a, b) return a.line < b.line end)
  write(out, vim.fn.json_encode(result))
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return exited ~= nil end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if ok then
  vim.cmd('qall!')
else
  write(out .. '.error', tostring(err))
  vim.cmd('cquit 1')
end
