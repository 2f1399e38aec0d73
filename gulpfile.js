const { src, dest, task } = require('gulp');

// tsc emits only code; the node's icons must sit in dist beside it for n8n to load them.
task('build:icons', () => src('icons/*.svg').pipe(dest('dist/icons')));
