import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { contract } from '../../shared/contract/index.js';
import { projectRoot } from '../launcher/project.js';
import { renderApiDocs } from './api-docs.js';

const target = path.join(projectRoot, 'docs', 'api.md');
writeFileSync(target, renderApiDocs(contract));
console.log(`Записано / Written: ${path.relative(projectRoot, target)}`);
