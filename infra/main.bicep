metadata description = 'CommunityBot for one school group: Azure Bot Service (single tenant, Teams channel), App Service on Linux (.NET 10, two or more instances), PostgreSQL flexible server, Key Vault, Log Analytics + Application Insights and a least-privilege managed identity. README: Deploy to a school group.'

targetScope = 'resourceGroup'

@description('Short lower-case name the resources are named after, e.g. cb-sintjozef (3-12 characters).')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Azure region of every resource but the bot (which is global).')
param location string = resourceGroup().location

@description('Entra app id (client id) of the bot\'s single-tenant app registration.')
param botAppId string

@description('Tenant of the school group (the app registration\'s home tenant).')
param tenantId string = tenant().tenantId

@description('Client secret of the bot\'s app registration; stored in Key Vault only.')
@secure()
param botAppPassword string

@description('Secret of the check-in pseudonyms (HMAC key, at least 32 characters); stored in Key Vault only.')
@secure()
@minLength(32)
param checkInPseudonymSecret string

@description('Version of that secret: raise it together with a new secret (README: rotating secrets).')
@minValue(1)
param checkInPseudonymKeyVersion int = 1

@description('Administrator login of PostgreSQL, which the app connects with.')
param postgresAdministratorLogin string = 'communitybot'

@description('Administrator password of PostgreSQL; stored in Key Vault only, inside the connection string.')
@secure()
@minLength(12)
param postgresAdministratorPassword string

@description('PostgreSQL compute tier; high availability needs GeneralPurpose or MemoryOptimized.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresTier string = 'Burstable'

@description('PostgreSQL compute size, e.g. Standard_B2s (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B2s'

@description('PostgreSQL storage in GiB (grows by itself).')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('Zone-redundant high availability for PostgreSQL.')
param postgresHighAvailability bool = false

@description('Days of PostgreSQL point-in-time backups (7-35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('Also keep PostgreSQL backups in the paired region.')
param postgresGeoRedundantBackup bool = false

@description('App Service plan size.')
param appServiceSkuName string = 'P0v3'

@description('Web app instances (at least two).')
@minValue(2)
@maxValue(30)
param instanceCount int = 2

@description('Azure Bot Service pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSkuName string = 'F0'

@description('Use Microsoft Graph for intervision (free/busy and Teams meetings) with the bot\'s app registration; grant its permissions first (README).')
param enableGraph bool = true

@description('Application ID URI that admin tokens are issued for (AzureAd:Audience); empty means api://botid-<botAppId>, as in the Teams manifest.')
param adminAudience string = ''

@description('OTLP endpoint of an OpenTelemetry Collector for traces and metrics (OTEL_EXPORTER_OTLP_ENDPOINT); empty exports none.')
param otlpEndpoint string = ''

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags for every resource.')
param tags object = {
  application: 'CommunityBot'
}

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-${suffix}'
var databaseName = 'communitybot'
var secretNames = {
  botAppPassword: 'bot-app-password'
  pseudonymSecret: 'checkins-pseudonym-secret'
  connectionString: 'storage-connection-string'
}

@description('An app setting that App Service resolves from Key Vault with the app\'s identity (latest version).')
func keyVaultReference(vault string, secret string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${appName}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: appName
    location: location
    tags: tags
    retentionDays: logRetentionDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${namePrefix}-pg-${suffix}'
    location: location
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    tier: postgresTier
    skuName: postgresSkuName
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    databaseName: databaseName
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${suffix}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    softDeleteRetentionDays: 90
    secrets: {
      '${secretNames.botAppPassword}': botAppPassword
      '${secretNames.pseudonymSecret}': checkInPseudonymSecret
      '${secretNames.connectionString}': 'Host=${postgres.outputs.host};Database=${databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};Ssl Mode=Require'
    }
  }
}

// Configuration names are the app's own sections (appsettings.sample.json), in the environment-variable form.
var coreSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  Bot__AppId: botAppId
  Bot__AppType: 'SingleTenant'
  Bot__TenantId: tenantId
  Bot__AllowedTenants__0: tenantId
  Bot__AppPassword: keyVaultReference(vault.outputs.name, secretNames.botAppPassword)
  Storage__Provider: 'PostgreSql'
  Storage__ConnectionString: keyVaultReference(vault.outputs.name, secretNames.connectionString)
  Storage__MigrateOnStartup: 'true'
  Hangfire__Storage: 'PostgreSql'
  CheckIns__PseudonymSecret: keyVaultReference(vault.outputs.name, secretNames.pseudonymSecret)
  CheckIns__PseudonymKeyVersion: string(checkInPseudonymKeyVersion)
  // Teams allows about 50 requests a second per tenant for the whole app: the instances share that one budget in the database.
  Delivery__TenantRequestsPerSecond: '50'
  AzureAd__Instance: environment().authentication.loginEndpoint
  AzureAd__TenantId: tenantId
  AzureAd__ClientId: botAppId
  AzureAd__Audience: empty(adminAudience) ? 'api://botid-${botAppId}' : adminAudience
}
var graphSettings = enableGraph
  ? {
      Graph__TenantId: tenantId
      Graph__ClientId: botAppId
      Graph__ClientSecret: keyVaultReference(vault.outputs.name, secretNames.botAppPassword)
    }
  : {}
var telemetrySettings = empty(otlpEndpoint) ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint }

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    name: appName
    location: location
    tags: tags
    skuName: appServiceSkuName
    instanceCount: instanceCount
    identityResourceId: identity.outputs.resourceId
    workspaceId: monitoring.outputs.workspaceId
    appSettings: union(coreSettings, graphSettings, telemetrySettings)
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${appName}-bot'
    displayName: 'CommunityBot'
    appId: botAppId
    tenantId: tenantId
    endpoint: 'https://${app.outputs.host}/api/messages'
    skuName: botSkuName
    tags: tags
  }
}

@description('The bot\'s app id: scripts/package-app.sh --outputs puts it in the Teams manifest.')
output botAppId string = botAppId

@description('Host of the bot endpoint: scripts/package-app.sh --outputs puts it in the Teams manifest\'s validDomains.')
output botEndpointHost string = app.outputs.host

@description('Web app name, for az webapp deploy.')
output webAppName string = app.outputs.name

@description('Key Vault name, for rotating secrets.')
output keyVaultName string = vault.outputs.name

@description('PostgreSQL host.')
output postgresHost string = postgres.outputs.host

@description('Application Insights resource name.')
output applicationInsightsName string = monitoring.outputs.insightsName

@description('Application Insights connection string, for the OpenTelemetry Collector that forwards the app\'s OTLP traces.')
output applicationInsightsConnectionString string = monitoring.outputs.insightsConnectionString
