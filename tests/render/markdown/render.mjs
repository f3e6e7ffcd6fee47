// Markdown on stdin -> HTML on stdout, as a GitHub-flavoured renderer with every link finder on
// (linkify with fuzzy links, e-mails and IPs): the strictest reader of kit text's links.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ linkify: true });
md.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });
let source = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { source += chunk; });
process.stdin.on('end', () => { process.stdout.write(md.render(source)); });
