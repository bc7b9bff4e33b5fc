metadata description = 'Log Analytics workspace and a workspace-based Application Insights: the web app\'s console and HTTP logs go to the workspace; OTLP traces reach Application Insights through a collector (README: Deploy to a school group).'

@description('Name prefix of the two resources.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days the workspace keeps logs (30-730).')
@minValue(30)
@maxValue(730)
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

@description('Workspace resource id, for diagnostic settings.')
output workspaceId string = workspace.id

@description('Application Insights resource name.')
output insightsName string = insights.name

@description('Application Insights connection string (an ingestion address and key, not a secret that grants reading).')
output insightsConnectionString string = insights.properties.ConnectionString
