const { rmSync } = require('fs');
const { src, dest, task } = require('gulp');

// A file removed from the sources must not live on in dist and ship.
task('clean', (done) => {
	rmSync('dist', { recursive: true, force: true });
	done();
});

// tsc emits only code; the node's icons must sit in dist beside it for n8n to load them.
task('build:icons', () => src('icons/*.svg').pipe(dest('dist/icons')));
