// Reads JSONL on stdin ({"id": ..., "text": "..."} per line) and prints one JSONL line per input:
// {"id": ..., "components": [[pelias_label, value, start, end], ...]} from pelias-parser's top
// solution ([] when it finds none), or {"id": ..., "error": "..."}.
// pelias-parser and lodash are resolved through NODE_PATH (the cache dir's node_modules).
'use strict'
const readline = require('readline')
const Tokenizer = require('pelias-parser/tokenization/Tokenizer')
const AddressParser = require('pelias-parser/parser/AddressParser')

const parser = new AddressParser()
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  if (!line.trim()) return
  let id = null
  try {
    const item = JSON.parse(line)
    id = item.id
    const tokenizer = new Tokenizer(item.text)
    parser.classify(tokenizer)
    parser.solve(tokenizer)
    const top = tokenizer.solution.length ? tokenizer.solution[0] : null
    const components = top
      ? top.pair.map(c => [c.classification.label, c.span.body, c.span.start, c.span.end])
      : []
    process.stdout.write(JSON.stringify({ id, components }) + '\n')
  } catch (err) {
    process.stdout.write(JSON.stringify({ id, error: String(err && err.stack ? err.stack : err) }) + '\n')
  }
})
