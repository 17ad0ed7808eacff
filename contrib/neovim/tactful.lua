-- tactful as a language server in neovim: findings as diagnostics while you write, with
-- quick fixes (silence a rule on a line, replace a blaming sentence, add a pleasantry).
-- Put this file in ~/.config/nvim/plugin/ (or require it from init.lua).

local filetypes = { "mail", "markdown", "text", "gitcommit" }
local settings = {
  -- Severity by rule id, pack or category ("error", "warning", "note", "off"), and
  -- rule ids, packs or categories not to report at all.
  severity = {},
  disable = {},
}

if vim.lsp.config then
  -- neovim 0.11 and later
  vim.lsp.config("tactful", {
    cmd = { "tactful", "lsp" },
    filetypes = filetypes,
    root_markers = { "tactful.yaml", ".tactful.yaml", ".git" },
    init_options = settings,
  })
  vim.lsp.enable("tactful")
else
  -- neovim 0.7 to 0.10
  vim.api.nvim_create_autocmd("FileType", {
    pattern = filetypes,
    callback = function(args)
      local root = vim.fs and vim.fs.dirname(vim.fs.find({ "tactful.yaml", ".tactful.yaml", ".git" },
        { upward = true, path = vim.api.nvim_buf_get_name(args.buf) })[1] or "")
      local id = vim.lsp.start_client({
        name = "tactful",
        cmd = { "tactful", "lsp" },
        root_dir = root or vim.fn.getcwd(),
        init_options = settings,
      })
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end
