-- Neovim 0.7 (Debian 12) as a second LSP client for the systemd language server.
-- Run by test/e2e/neovim.mjs as:
--   nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/neovim-check.lua" FILE.service
-- Environment: E2E_CLI (dist/cli.js), E2E_OUT (JSON result file), E2E_NODE (node binary),
--   E2E_COMPLETION_LINE/COL and E2E_HOVER_LINE/COL (0-based LSP positions), E2E_TIMEOUT_MS.
-- 0.7 has no vim.lsp.start: start_client + buf_attach_client, then buf_request_sync.

local out = assert(os.getenv('E2E_OUT'), 'E2E_OUT not set')
local result = { errors = {} }
local timeout = tonumber(os.getenv('E2E_TIMEOUT_MS') or '10000')

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(#result.errors == 0 and 'qa!' or 'cquit 1')
end

local function err(msg) table.insert(result.errors, msg) end

local ok, e = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'systemd' -- becomes the languageId of didOpen
  local file = vim.api.nvim_buf_get_name(bufnr)
  result.nvim = vim.version()

  local client_id = vim.lsp.start_client({
    name = 'systemd-units',
    cmd = { os.getenv('E2E_NODE') or 'node', assert(os.getenv('E2E_CLI')), 'lsp', '--stdio' },
    root_dir = os.getenv('E2E_ROOT') or vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code) result.server_exit = code end,
  })
  if not client_id then return err('start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local initialized = vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 20)
  result.initialized = initialized
  if not initialized then return err('client not initialized within ' .. timeout .. ' ms') end
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_name = client.server_capabilities and client.server_capabilities.serverInfo or nil
  result.capabilities = {
    completion = client.server_capabilities.completionProvider ~= nil,
    hover = client.server_capabilities.hoverProvider and true or false,
  }

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, line, col)
    local params = { textDocument = { uri = uri }, position = { line = line, character = col } }
    local responses, rerr = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
    if not responses then return nil, method .. ': ' .. tostring(rerr) end
    local r = responses[client_id]
    if not r then return nil, method .. ': no response from the client' end
    if r.err then return nil, method .. ': ' .. vim.inspect(r.err) end
    return r.result
  end

  -- Completion
  local comp, cerr = request('textDocument/completion',
    tonumber(os.getenv('E2E_COMPLETION_LINE')), tonumber(os.getenv('E2E_COMPLETION_COL')))
  if cerr then err(cerr) else
    local items = comp and (comp.items or comp) or {}
    result.completion = {}
    for _, it in ipairs(items) do
      local text = it.insertText or (it.textEdit and it.textEdit.newText) or it.label
      table.insert(result.completion, { label = it.label, insertText = text })
    end
  end

  -- Hover
  local hover, herr = request('textDocument/hover',
    tonumber(os.getenv('E2E_HOVER_LINE')), tonumber(os.getenv('E2E_HOVER_COL')))
  if herr then err(herr) else
    local lines = hover and vim.lsp.util.convert_input_to_markdown_lines(hover.contents) or {}
    result.hover = table.concat(lines, '\n')
  end

  -- Diagnostics published for the buffer (pushed by the server after didOpen)
  vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { line = d.lnum, message = d.message, code = d.code })
  end

  -- A drop-in workflow as a server command: the server asks Neovim to create the file (workspace/applyEdit);
  -- Neovim edits it in a buffer, and :wall puts it on disk.
  local cmd = client.request_sync('workspace/executeCommand',
    { command = 'systemd-units.createOverride', arguments = { uri } }, timeout, bufnr)
  if not cmd then err('executeCommand: no answer') elseif cmd.err then err('executeCommand: ' .. vim.inspect(cmd.err)) else
    result.command = cmd.result
    vim.cmd('silent! wall')
  end

  vim.lsp.stop_client(client_id)
end)
if not ok then err(tostring(e)) end
finish()
