export { viewIds, type ViewId } from '../../shared/settings/settings';
